import Foundation
import KilnDiagnostics
import KilnOpenAPI
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

/// The shared specs, beside the package root: `<root>/../shared/specs`.
enum SharedSpecs {
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // KilnOpenAPITests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .deletingLastPathComponent()
        .appendingPathComponent("shared/specs")

    static func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    static var all: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted()
    }

    static func decode(_ name: String) throws -> DecodedDocument {
        let yaml = try YAMLParser.parse(contentsOfFile: path(name), displayPath: name)
        return try OpenAPIDecoder.decode(yaml, file: name)
    }
}

extension OpenAPIDocument {
    /// The operation for a method and path, for terse test lookups.
    func operation(_ method: HTTPMethod, _ path: String) -> KilnOpenAPI.Operation? {
        paths[path]?.operations.first { $0.method == method }?.operation
    }
}
