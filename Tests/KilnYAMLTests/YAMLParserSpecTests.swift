import KilnDiagnostics
import KilnYAML
import XCTest

/// The real specs of the corpus in Tests/Specs must all parse.
final class YAMLParserSpecTests: XCTestCase {
    /// The corpus's documents, the other vendors' ones in `real/` included.
    private func specPaths() throws -> [String] {
        try ["", "real"].flatMap { folder in
            let url = folder.isEmpty ? specCorpusDirectory : specCorpusDirectory.appendingPathComponent(folder)
            return try FileManager.default.contentsOfDirectory(atPath: url.path)
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted()
                .map { url.appendingPathComponent($0).path }
        }
    }

    func testEveryCorpusSpecParses() throws {
        let paths = try specPaths()
        XCTAssertGreaterThanOrEqual(paths.count, 17)
        for path in paths {
            let name = URL(fileURLWithPath: path).lastPathComponent
            let document = try YAMLParser.parse(contentsOfFile: path, displayPath: name)
            let root = try XCTUnwrap(document.root.mapping, name)
            XCTAssertNotNil(root["info"], name)
            XCTAssertTrue(root["paths"] != nil || root["webhooks"] != nil, name)
            XCTAssertTrue(root["openapi"] != nil || root["swagger"] != nil, name)
            XCTAssertEqual(document.root.location.file, name)
        }
    }

    func testKratosSpecStructureAndLocations() throws {
        let path = specCorpusDirectory.appendingPathComponent("ory-kratos-v26.2.0.yaml").path
        let document = try YAMLParser.parse(contentsOfFile: path, displayPath: "kratos.yaml")
        let root = try XCTUnwrap(document.root.mapping)
        for key in ["openapi", "info", "paths", "components"] {
            XCTAssertTrue(root.keys.contains(key), key)
        }
        XCTAssertEqual(root.entry(forKey: "openapi")?.key.location, SourceLocation(file: "kratos.yaml", line: 1, column: 1))
        XCTAssertEqual(root["openapi"]?.string?.hasPrefix("3."), true)
        XCTAssertGreaterThan(root["paths"]?.mapping?.count ?? 0, 10)
        XCTAssertGreaterThan(root["components"]?["schemas"]?.mapping?.count ?? 0, 10)
    }

    func testOryClientJSONSpec() throws {
        let path = specCorpusDirectory.appendingPathComponent("ory-client-v1.6.2.json").path
        let document = try YAMLParser.parse(contentsOfFile: path)
        XCTAssertEqual(document.warnings, [])
        // Minified: everything is on line 1; the first key follows the opening brace.
        XCTAssertEqual(document.root.mapping?.entries.first?.key.location, SourceLocation(file: path, line: 1, column: 2))
        XCTAssertGreaterThan(document.root["paths"]?.mapping?.count ?? 0, 50)
    }

    func testParsingFromBytesAndFromStringAgree() throws {
        let path = specCorpusDirectory.appendingPathComponent("oai-petstore-expanded.yaml").path
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let fromBytes = try YAMLParser.parse([UInt8](data), file: "p.yaml")
        let fromString = try YAMLParser.parse(String(decoding: data, as: UTF8.self), file: "p.yaml")
        XCTAssertEqual(fromBytes.root, fromString.root)
    }
}
