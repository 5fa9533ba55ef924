import KilnYAML
import XCTest

/// `yamlText` and `prettyJSONText` (what `kiln bundle` writes) read back as the same values.
final class YAMLNodeDocumentTextTests: XCTestCase {
    private let sample = """
        openapi: 3.1.0
        quoted: "true"
        plain: true
        count: 42
        ratio: 0.5
        nothing: null
        "key: with colon": '#/components/schemas/a~1b'
        text: |
          two
          lines
        emptyMap: {}
        emptyList: []
        list:
          - a
          - {name: x, in: query}
          - [1, [2, 3], []]
          - - nested
            - {}
        """

    func testYAMLTextReadsBackAsTheSameValues() throws {
        let root = try parseRoot(sample)
        let written = root.yamlText
        XCTAssertEqual(try parseRoot(written).jsonText, root.jsonText, written)
        XCTAssertEqual(try parseRoot(written).yamlText, written, "writing is stable")
    }

    func testYAMLTextQuotesStringsThatWouldReadAsOtherTypes() throws {
        let written = try parseRoot(sample).yamlText
        XCTAssertTrue(written.contains("\"quoted\": \"true\"\n"), written)
        XCTAssertTrue(written.contains("\"plain\": true\n"), written)
        XCTAssertTrue(written.contains("\"text\": \"two\\nlines\\n\"\n"), written)
    }

    func testPrettyJSONReadsBackAsTheSameValues() throws {
        let root = try parseRoot(sample)
        let written = root.prettyJSONText
        XCTAssertEqual(try parseRoot(written).jsonText, root.jsonText, written)
        XCTAssertTrue(written.hasPrefix("{\n  \"openapi\": \"3.1.0\",\n"), "a version is a string, not a number: \(written)")
        XCTAssertTrue(written.contains("\n  \"emptyMap\": {},\n"), written)
    }
}
