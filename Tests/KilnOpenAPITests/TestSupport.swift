import Foundation
import KilnDiagnostics
@testable import KilnOpenAPI
import KilnYAML
import XCTest

/// The file name every inline test document is parsed as, so expected locations can name it.
let testFile = "test.yaml"

/// Parses and decodes an inline document; a parse or decode failure fails the test with all diagnostics.
func decode(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> DecodedDocument {
    do {
        let yaml = try YAMLParser.parse(text, file: testFile)
        return try OpenAPIDecoder.decode(yaml, file: testFile)
    } catch {
        XCTFail("decoding failed:\n\(error)", file: file, line: line)
        throw error
    }
}

/// The diagnostics of a document that must fail to decode (parsing must succeed).
func decodingErrors(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> [Diagnostic] {
    let yaml = try YAMLParser.parse(text, file: testFile)
    do {
        let decoded = try OpenAPIDecoder.decode(yaml, file: testFile)
        XCTFail("expected decoding to fail; warnings: \(decoded.warnings)", file: file, line: line)
        return []
    } catch {
        return error.diagnostics
    }
}

/// Asserts that exactly one error exists, with this message and position in `test.yaml`.
func assertSingleError(
    _ diagnostics: [Diagnostic], _ message: String, line: Int, column: Int,
    file: StaticString = #filePath, testLine: UInt = #line
) {
    let errors = diagnostics.filter { $0.severity == .error }
    XCTAssertEqual(errors.count, 1, "errors: \(errors)", file: file, line: testLine)
    guard let error = errors.first else { return }
    XCTAssertEqual(error.message, message, file: file, line: testLine)
    XCTAssertEqual(error.location, SourceLocation(file: testFile, line: line, column: column), file: file, line: testLine)
}

extension OpenAPIDocument {
    /// The operation for a method and path, for terse test lookups.
    func operation(_ method: HTTPMethod, _ path: String) -> KilnOpenAPI.Operation? {
        paths[path]?.operations.first { $0.method == method }?.operation
    }
}
