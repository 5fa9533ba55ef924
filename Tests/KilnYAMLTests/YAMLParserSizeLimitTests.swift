import KilnDiagnostics
import KilnYAML
import XCTest

final class YAMLParserSizeLimitTests: XCTestCase {
    func testInputOverTheSizeLimitIsRefusedWithAClearError() {
        let limits = YAMLParser.Limits(maxInputBytes: 1 << 20)
        let text = "key: " + String(repeating: "a", count: 2 << 20)
        XCTAssertThrowsError(try YAMLParser.parse(text, file: "big.yaml", limits: limits)) { error in
            XCTAssertEqual(
                (error as? DiagnosticError)?.diagnostics.map(\.description),
                ["kiln: error: 'big.yaml' is 2.0 MB; documents larger than 1 MB are refused"]
            )
        }
    }

    func testInputUnderTheLimitParses() throws {
        let limits = YAMLParser.Limits(maxInputBytes: 1 << 20)
        let document = try YAMLParser.parse("key: value", file: "small.yaml", limits: limits)
        XCTAssertEqual(document.root["key"]?.string, "value")
    }
}
