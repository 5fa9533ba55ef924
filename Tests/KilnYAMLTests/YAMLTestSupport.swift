import KilnDiagnostics
import KilnYAML
import XCTest

/// The file name every test parse uses, so expected locations read `t.yaml:L:C`.
let testFile = "t.yaml"

func location(_ line: Int, _ column: Int, file: String = testFile) -> SourceLocation {
    SourceLocation(file: file, line: line, column: column)
}

func parse(_ text: String, limits: YAMLParser.Limits = .init()) throws -> YAMLDocument {
    try YAMLParser.parse(text, file: testFile, limits: limits)
}

func parseRoot(_ text: String) throws -> YAMLNode {
    try parse(text).root
}

/// The single error diagnostic a parse must fail with, or nil (after recording a failure).
func parseError(
    _ text: String,
    limits: YAMLParser.Limits = .init(),
    file: StaticString = #filePath,
    line: UInt = #line
) -> Diagnostic? {
    parseError(bytes: Array(text.utf8), limits: limits, file: file, line: line)
}

func parseError(
    bytes: [UInt8],
    limits: YAMLParser.Limits = .init(),
    file: StaticString = #filePath,
    line: UInt = #line
) -> Diagnostic? {
    do {
        let document = try YAMLParser.parse(bytes, file: testFile, limits: limits)
        XCTFail("expected a parse error, got \(document.root.kindDescription)", file: file, line: line)
        return nil
    } catch {
        XCTAssertEqual(error.diagnostics.count, 1, "\(error)", file: file, line: line)
        XCTAssertEqual(error.diagnostics.first?.severity, .error, file: file, line: line)
        return error.diagnostics.first
    }
}

/// The package root: this file is Tests/KilnYAMLTests/<name>.swift.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The spec corpus the repository carries (`Tests/Specs`, listed with sources in its README).
let specCorpusDirectory = packageRoot.appendingPathComponent("Tests/Specs")
