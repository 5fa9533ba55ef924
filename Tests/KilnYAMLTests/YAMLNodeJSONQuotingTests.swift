@testable import KilnYAML
import XCTest

/// `jsonText` quotes strings by copying runs of UTF-8 bytes; it must escape exactly what the
/// scalar-by-scalar rule does, wherever in the text (and next to whatever) the character stands.
final class YAMLNodeJSONQuotingTests: XCTestCase {
    /// The rule as first written: one Unicode scalar at a time.
    private func referenceQuoted(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\r": quoted += "\\r"
            case "\t": quoted += "\\t"
            default:
                let value = scalar.value
                if value < 0x20 || (0x7F...0x9F).contains(value) || [0x2028, 0x2029, 0xFFFE, 0xFFFF].contains(value) {
                    let hex = String(value, radix: 16)
                    quoted += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        return quoted + "\""
    }

    /// Scalars on both sides of every escape boundary: C1 and its UTF-8 neighbours (U+00A0, U+00BF),
    /// U+2027/U+202A around the separators, U+FFFD/U+FFFE/U+FFFF and the astral plane.
    private let interesting: [Unicode.Scalar] = [
        "a", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1F}", " ", "\u{7E}", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}",
        "\u{A0}", "\u{BF}", "é", "\u{2027}", "\u{2028}", "\u{2029}", "\u{202A}", "\u{E000}", "\u{FFFD}",
        "\u{FFFE}", "\u{FFFF}", "😀", "\u{10FFFF}",
    ]

    func testEveryPairOfInterestingScalarsIsQuotedAsBefore() {
        for first in interesting {
            for second in interesting {
                var text = ""
                text.unicodeScalars.append(contentsOf: [first, second, "x", first])
                XCTAssertEqual(YAMLNode.jsonQuoted(text), referenceQuoted(text), "\(Array(text.unicodeScalars))")
            }
        }
    }

    func testRandomTextIsQuotedAsBefore() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                let scalar = Bool.random(using: &generator)
                    ? interesting.randomElement(using: &generator)
                    : Unicode.Scalar(UInt32.random(in: 0...0x2FFFF, using: &generator))
                if let scalar { text.unicodeScalars.append(scalar) }
            }
            XCTAssertEqual(YAMLNode.jsonQuoted(text), referenceQuoted(text), "\(Array(text.unicodeScalars))")
        }
    }

    func testScalarsKeepTheirCoreSchemaType() throws {
        let root = try parseRoot(#"[1, -2.5, 0x1F, .inf, .nan, 1e400, inf, nan, Infinity, null, ~, True, "3", !!str 4, plain text]"#)
        XCTAssertEqual(root.jsonText, #"[1,-2.5,0x1F,".inf",".nan","1e400","inf","nan","Infinity",null,null,true,"3","4","plain text"]"#)
    }

    func testNestedCollectionsAreCompact() throws {
        let root = try parseRoot("a: [1, {b: \"x\\\"y\"}]\nc: {}\nd: []\n")
        XCTAssertEqual(root.jsonText, #"{"a":[1,{"b":"x\"y"}],"c":{},"d":[]}"#)
    }
}
