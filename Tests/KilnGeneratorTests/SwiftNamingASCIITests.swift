@testable import KilnIR
import XCTest

/// `SwiftNaming` splits and cases names on UTF-8 bytes; the names must be those the
/// Unicode-property version made, for ASCII and non-ASCII input alike.
final class SwiftNamingASCIITests: XCTestCase {
    /// The word split as first written, scalar by scalar.
    private func referenceWords(_ raw: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in raw.unicodeScalars {
            if scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    private let names = [
        "", "_", "node_type", "getVersion_200_response", "current-password", "URL", "HTTPStatus", "OAuth2",
        "nodeType", "123abc", "9", "x-kratos-id", "self", "init", "Type", "déjà_vu", "naïveName", "日本語",
        "a日b", "über", "Ärger_2", "$ref", "..", "ÉCOLE", "e\u{301}cole", "a\u{345}b", "ǅungla", "ΣΑΣ",
        "__proto__", "v1.2.3", "ID", "iD", "A", "a", "AB1c", "with space", "tab\there", "emoji😀name",
    ]

    func testWordsMatchTheScalarRule() {
        for name in names {
            XCTAssertEqual(SwiftNaming.splitWords(name), referenceWords(name), name)
        }
    }

    func testCasingHelpersMatchTheCharacterRules() {
        for word in names {
            let expectedCapital = word.first.map { $0.uppercased() + word.dropFirst() } ?? word
            XCTAssertEqual(SwiftNaming.capitalizingFirst(word), expectedCapital, word)
            let expectedStart = word.first.map { $0.isNumber ? "_" + word : word } ?? "fallback"
            XCTAssertEqual(SwiftNaming.sanitizedStart(word, fallback: "fallback"), expectedStart, word)
        }
    }

    func testLeadingCapitalsAreLowered() {
        let expected = ["URL": "url", "HTTPStatus": "httpStatus", "OAuth2": "oAuth2", "nodeType": "nodeType",
                        "A": "a", "AB1c": "aB1c", "ÉCOLE": "école", "": ""]
        for (word, lowered) in expected {
            XCTAssertEqual(SwiftNaming.lowercasingLeadingCapitals(word), lowered, word)
        }
    }

    func testNames() {
        XCTAssertEqual(SwiftNaming.typeName("getVersion_200_response"), "GetVersion200Response")
        XCTAssertEqual(SwiftNaming.typeName("123abc"), "_123abc")
        XCTAssertEqual(SwiftNaming.typeName("日本語"), "Value")
        XCTAssertEqual(SwiftNaming.memberName("HTTPStatus_code"), "httpStatusCode")
        XCTAssertEqual(SwiftNaming.memberName("self"), "selfValue")
        XCTAssertEqual(SwiftNaming.memberName("déjà_vu"), "dJVu")
        XCTAssertEqual(SwiftNaming.memberName("--"), "value")
    }
}
