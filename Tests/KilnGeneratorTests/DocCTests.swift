import Foundation
import XCTest

/// The generated Kratos module's documentation is DocC documentation: its symbol graph converts with
/// `docc convert --analyze` without a warning (every parameter documented, every ``link`` resolved).
final class DocCTests: XCTestCase {
    func testKratosDocumentationConvertsWithoutWarnings() throws {
        let module = GoldenFiles.packageRoot.appendingPathComponent("Generated/OryKratos")
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-docc-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let symbolGraphs = work.appendingPathComponent("symbol-graphs")
        try FileManager.default.createDirectory(at: symbolGraphs, withIntermediateDirectories: true)

        let sources = GoldenFiles.swiftFiles(under: module).map { module.appendingPathComponent($0).path }
        let compile = try SwiftCompiler.command([
            "swiftc", "-wmo", "-emit-module", "-module-name", "OryKratos", "-swift-version", "6",
            "-emit-module-path", work.appendingPathComponent("OryKratos.swiftmodule").path,
            "-emit-symbol-graph", "-emit-symbol-graph-dir", symbolGraphs.path,
        ] + sources)
        XCTAssertEqual(compile.status, 0, compile.output)

        let convert = try SwiftCompiler.command([
            "docc", "convert", "--analyze",
            "--additional-symbol-graph-dir", symbolGraphs.path,
            "--fallback-display-name", "OryKratos", "--fallback-bundle-identifier", "dev.kiln.OryKratos",
            "--output-path", work.appendingPathComponent("OryKratos.doccarchive").path,
        ])
        XCTAssertEqual(convert.status, 0, convert.output)
        let problems = convert.output.split(separator: "\n").filter { $0.contains("warning:") || $0.contains("error:") }
        XCTAssertEqual(problems, [], convert.output)
    }
}
