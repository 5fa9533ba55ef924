import Foundation
import KilnGenerator
import XCTest

/// The generated module's README.md: one table row per operation, one per top-level model type.
/// (Its exact text is part of the Kratos and fixture golden files.)
final class ModuleReadmeTests: XCTestCase {
    private static let kratos = GoldenFiles.packageRoot.appendingPathComponent("Generated/OryKratos")

    func testKratosReadmeListsEveryOperationAndModel() throws {
        let readme = try String(contentsOf: Self.kratos.appendingPathComponent("README.md"), encoding: .utf8)
        let rows = readme.split(separator: "\n").filter { $0.hasPrefix("| `") }
        let operationRows = rows.filter { $0.split(separator: "|").count == 4 }
        let modelRows = rows.filter { $0.split(separator: "|").count == 3 }
        XCTAssertEqual(operationRows.count, 56)
        XCTAssertTrue(readme.contains("| `GET` | `/admin/identities/{id}` | `getIdentity(id:includeCredential:)` | Get an Identity |"))
        let modelFiles = GoldenFiles.swiftFiles(under: Self.kratos).filter { $0.hasPrefix("Models/") }
        XCTAssertEqual(modelRows.count, modelFiles.count)
        XCTAssertTrue(readme.contains("| `UiNodeAttributes` | one of, by `node_type` |"), readme)
    }

    func testReadmeIsWrittenAndKeptLikeTheSwiftFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-readme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let spec = GoldenFiles.packageRoot.appendingPathComponent("spec/client-fixture.yaml").path
        let generation = try Generation.run(specPath: spec, options: GeneratorOptions(moduleName: "ClientFixture"))
        let first = try OutputWriter(directory: directory.path).write(generation.files)
        XCTAssertTrue(first.written.contains("README.md"))
        let second = try OutputWriter(directory: directory.path).write(generation.files)
        XCTAssertTrue(second.unchanged.contains("README.md"))
        // The README documents the client: generating models alone leaves it out.
        var options = GeneratorOptions(moduleName: "ClientFixture")
        options.parts = [.models]
        let modelsOnly = try Generation.run(specPath: spec, options: options)
        XCTAssertFalse(modelsOnly.files.contains { $0.path == "README.md" })
    }
}
