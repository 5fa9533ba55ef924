import KilnYAML
import XCTest

/// `jsonText` (spec examples and defaults in doc comments) must stay JSON that Kiln's own parser
/// reads back to the same value. Found by fuzzing (Fuzz/Regressions/yaml/jsontext-*): NEL, C1
/// controls, DEL, U+2028/U+2029 and U+FFFE/U+FFFF were written raw; YAML rejects or folds them.
final class YAMLNodeJSONTextTests: XCTestCase {
    func testControlAndSeparatorCharactersAreEscaped() throws {
        let root = try parseRoot(#"["\N", "\x82", "\x7f", "\L\P", "\uFFFE\uFFFF", "\x1b", "é😀"]"#)
        XCTAssertEqual(
            root.jsonText,
            #"["\u0085","\u0082","\u007f","\u2028\u2029","\ufffe\uffff","\u001b","é😀"]"#
        )
    }

    func testJSONTextParsesBackToTheSameValue() throws {
        for source in [#""\N""#, #"x: "\x82""#, #"["\L\P", "\x7f", "\uFFFE"]"#, "a: [1, {b: \"\\t\"}]"] {
            let json = try parseRoot(source).jsonText
            let again = try parseRoot(json)
            XCTAssertEqual(again.jsonText, json, "source: \(source)")
        }
    }
}
