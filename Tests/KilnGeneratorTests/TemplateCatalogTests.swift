import Foundation
import KilnDiagnostics
import KilnGenerator
import XCTest

/// `TemplateCatalog` lists every template with its view model; `Templates/README.md`'s table shows the
/// same list to template authors. These tests keep the three (files, catalog, README) in step and check
/// every built-in template against its model.
final class TemplateCatalogTests: XCTestCase {
    static let readme = GoldenFiles.packageRoot.appendingPathComponent("Templates/README.md")
    static let tableStart = "<!-- template-catalog: begin (written from TemplateCatalog; KILN_RECORD_GOLDEN=1 rewrites it) -->"
    static let tableEnd = "<!-- template-catalog: end -->"

    func testEveryBuiltInTemplateChecksAgainstItsViewModel() throws {
        XCTAssertNoThrow(try TemplateCatalog.checkAll())
    }

    /// A user's template naming a member its model lacks stops generation before anything renders,
    /// pointing at the member, rather than rendering an empty string.
    func testGenerationChecksUserTemplatesWhenLoadingThem() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-override-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{% include \"FileHeader.stencil\" %}\n\n{{ acess }} enum Operations {}\n"
            .write(to: folder.appendingPathComponent("OperationNamespace.swift.stencil"), atomically: true, encoding: .utf8)
        let spec = GoldenFiles.packageRoot.appendingPathComponent("spec/client-fixture.yaml").path
        XCTAssertThrowsError(
            try Generation.run(specPath: spec, options: GeneratorOptions(moduleName: "Fixture", templatesDirectory: folder.path))
        ) { error in
            let text = (error as? DiagnosticError)?.diagnostics.map(\.description).joined(separator: "\n") ?? "\(error)"
            XCTAssertTrue(text.contains("OperationNamespace.swift.stencil:3:4: error:"), text)
            XCTAssertTrue(text.contains("'acess'"), text)
            XCTAssertTrue(text.contains("did you mean 'access'?"), text)
        }
    }

    func testEveryTemplateFileIsCatalogued() throws {
        let folder = GoldenFiles.packageRoot.appendingPathComponent("Templates")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".stencil") }.sorted()
        XCTAssertEqual(files, TemplateCatalog.entries.map(\.template), "Templates/ and TemplateCatalog list different templates")
    }

    func testReadmeTableMatchesTheCatalog() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        guard let start = text.range(of: Self.tableStart), let end = text.range(of: Self.tableEnd, range: start.upperBound..<text.endIndex) else {
            return XCTFail("Templates/README.md lacks the template-catalog markers")
        }
        let expected = "\n" + Self.table() + "\n"
        let current = String(text[start.upperBound..<end.lowerBound])
        if GoldenFiles.isRecording {
            try text.replacingCharacters(in: start.upperBound..<end.lowerBound, with: expected).write(to: Self.readme, atomically: true, encoding: .utf8)
            return
        }
        XCTAssertEqual(current, expected, "Templates/README.md's table differs from TemplateCatalog (re-record with KILN_RECORD_GOLDEN=1)")
    }

    /// The README table, one row per catalogued template.
    static func table() -> String {
        var lines = ["| template | view model | emits |", "| --- | --- | --- |"]
        for entry in TemplateCatalog.entries {
            lines.append("| `\(entry.template)` | `\(entry.viewModel)` | \(entry.purpose) |")
        }
        return lines.joined(separator: "\n")
    }
}
