import KilnDiagnostics
@testable import KilnOpenAPI
import KilnYAML
import XCTest

/// Spec literals leave YAML behind at decode time; what later stages read must not change.
final class SpecValueTests: XCTestCase {
    /// Doc comments show `jsonText`: for every kind of untagged literal it is the node's own.
    func testJSONTextIsTheNodesJSONText() throws {
        let literals = [
            "null", "~", "", "true", "False", "0", "-12", "+7", "0x1F", "0o17", "1.50", "1e3", "1e400", ".inf", "-.Inf",
            ".nan", "nan", "99999999999999999999", "active", "\"true\"", "'12'", "\"a\\tb\"", "[1, two, null, [true]]",
            "{a: 1, b: {c: [x]}, a: 2}", "{}", "[]", "|\n  block\n  text\n",
        ]
        for literal in literals {
            let node = try YAMLParser.parse("value: \(literal)", file: testFile).root["value"]!
            XCTAssertEqual(SpecValue(node).jsonText, node.jsonText, "value: \(literal)")
        }
    }

    func testScalarsFollowTheCoreSchemaAndKeepTheirText() throws {
        let root = try YAMLParser.parse("""
            hex: 0x1F
            fraction: 1.50
            quoted: "true"
            plain: True
            nothing: null
            """, file: testFile).root
        let hex = SpecValue(root["hex"]!)
        XCTAssertEqual(hex.content, .integer(31))
        XCTAssertEqual(hex.text, "0x1F")
        XCTAssertEqual(hex.location, SourceLocation(file: testFile, line: 1, column: 6))
        XCTAssertEqual(SpecValue(root["fraction"]!).content, .number(1.5))
        XCTAssertEqual(SpecValue(root["fraction"]!).text, "1.50")
        XCTAssertEqual(SpecValue(root["quoted"]!).string, "true")
        XCTAssertEqual(SpecValue(root["plain"]!).bool, true)
        XCTAssertEqual(SpecValue(root["plain"]!).text, "True")
        XCTAssertTrue(SpecValue(root["nothing"]!).isNull)
        XCTAssertNil(SpecValue(root["nothing"]!).text)
    }
}
