import Foundation
import XCTest

/// "The IR decides, templates emit": the generator's Swift sources build no Swift code in string
/// literals, so every emitted statement is in a template a user can override.
final class NoSwiftInBuildersTests: XCTestCase {
    /// Not builders: the embedded copy of `Templates/` itself, and the template language's escaping
    /// filters (`swiftString`, `docComment`), which templates call.
    static let notBuilders: Set<String> = ["EmbeddedTemplates.swift", "SwiftSyntaxFilters.swift"]

    /// Builders still being moved to templates (issue #13). Must end empty.
    static let pendingMigration: Set<String> = []

    func testGeneratorSourcesBuildNoSwiftInStringLiterals() throws {
        let directory = GoldenFiles.packageRoot.appendingPathComponent("Sources/KilnGenerator")
        let files = try swiftFiles(under: directory)
        XCTAssertFalse(files.isEmpty)
        var findings: [String] = []
        for file in files {
            let name = file.lastPathComponent
            guard !Self.notBuilders.contains(name), !Self.pendingMigration.contains(name) else { continue }
            let source = try String(contentsOf: file, encoding: .utf8)
            for literal in SwiftStringLiteralScanner.literals(in: source) {
                if let kind = SwiftStringLiteralScanner.swiftSyntax(in: literal.text) {
                    let relative = file.path.replacingOccurrences(of: GoldenFiles.packageRoot.path + "/", with: "")
                    findings.append("\(relative):\(literal.line): \(kind): \(literal.text.debugDescription)")
                }
            }
        }
        XCTAssertEqual(findings, [], "Swift syntax built in a string literal; move it to a template:\n" + findings.joined(separator: "\n"))
    }

    func testPendingMigrationNamesOnlyExistingFiles() throws {
        let directory = GoldenFiles.packageRoot.appendingPathComponent("Sources/KilnGenerator")
        let names = Set(try swiftFiles(under: directory).map(\.lastPathComponent))
        XCTAssertEqual(Self.pendingMigration.subtracting(names), [], "remove deleted files from the pending list")
    }

    // MARK: The check itself

    /// Statements the generator used to build in Swift (from its history): each must be caught.
    func testCatchesSwiftTheGeneratorUsedToBuild() {
        let swift = [
            "try request.setPath(X, X, style: .X)",
            "try request.addQuery(X, X)",
            "request.setDataBody(X)",
            "switch body {",
            "case .X(let content):",
            "    ",  // padding alone is not code; the next line is
            "}",
            "X: X? = nil",
            "body: X? = nil",
            "[String: ",
            "X: try response.X(X, as: X.self)",
            "let container = try decoder.container(keyedBy: CodingKeys.self)",
            "try container.encodeIfPresent(X, forKey: .X)",
            "RequestBuilder(method: X, path: X, accept: X)",
            "X: String = X",
            "return (items, raw)",
            "@available(*, deprecated)",
            "guard let body else { return nil }",
            "throw OperationError(operationId: X, response: response, httpResponse: raw)",
            "if let body {",
            ") -> X",
        ]
        let missed = swift.filter { $0.trimmingCharacters(in: .whitespaces).isEmpty == false }
            .filter { SwiftStringLiteralScanner.swiftSyntax(in: $0) == nil }
        XCTAssertEqual(missed, [])
    }

    /// Prose, names and data the generator legitimately holds: none may be flagged.
    func testPassesProseNamesAndData() {
        let prose = [
            "The request body.",
            "The `X` X parameter.",
            "Every page of X, fetched as you iterate: each request asks for the next page.",
            "application/json", "multipart/form-data", "/identities/{id}", "{X}",
            "Models/", "Client/Client+X.swift", "Support", "OkHeaders", "Response",
            "- Parameters:", "- Returns: X", "  - X: X",
            "cannot write X: X",
            "`X X` (operationId `X`)",
            "One of X.",
            "Like X, but returns every documented response, success or not, as a case of X.",
            "- Throws: Only errors building or sending the request.",
        ]
        let flagged = prose.compactMap { text in SwiftStringLiteralScanner.swiftSyntax(in: text).map { "\(text): \($0)" } }
        XCTAssertEqual(flagged, [])
    }

    func testFindsLiteralsInsideInterpolationsAndSkipsComments() {
        let source = ##"""
        // "let commented = 1"
        let a = "plain \(f("try x.y(z)")) text"
        let b = #"raw "quote" \#(g)"#
        let c = """
            switch x {
            """
        """##
        let texts = SwiftStringLiteralScanner.literals(in: source).map(\.text)
        XCTAssertEqual(texts, ["plain X text", "try x.y(z)", #"raw "quote" X"#, "\n    switch x {\n    "])
    }

    private func swiftFiles(under directory: URL) throws -> [URL] {
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        var files: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            if url.pathExtension == "swift" { files.append(url) }
        }
        return files.sorted { $0.path < $1.path }
    }
}
