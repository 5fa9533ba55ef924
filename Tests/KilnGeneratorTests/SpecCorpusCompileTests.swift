import Foundation
import KilnGenerator
import XCTest

/// Every spec of the corpus in `Tests/Specs` generates, and the output type-checks as Swift 6 without warnings.
final class SpecCorpusCompileTests: XCTestCase {
    static let specsDirectory = GoldenFiles.packageRoot.appendingPathComponent("Tests/Specs")

    func testEveryCorpusSpecGeneratesCompilableSwift() throws {
        let specs = try FileManager.default.contentsOfDirectory(atPath: Self.specsDirectory.path)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }
            .sorted()
        XCTAssertGreaterThanOrEqual(specs.count, 9, "expected the spec corpus in Tests/Specs")
        for spec in specs {
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-corpus-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: output) }
            let generation = try Generation.run(
                specPath: Self.specsDirectory.appendingPathComponent(spec).path,
                displayPath: spec,
                options: GeneratorOptions(moduleName: "CorpusSpec")
            )
            XCTAssertFalse(generation.files.isEmpty, spec)
            XCTAssertTrue(generation.diagnostics.allSatisfy { $0.severity != .error }, "\(spec): \(generation.diagnostics)")
            _ = try OutputWriter(directory: output.path).write(generation.files)
            try SwiftCompiler.typeCheck(directory: output, moduleName: "CorpusSpec")
        }
    }
}
