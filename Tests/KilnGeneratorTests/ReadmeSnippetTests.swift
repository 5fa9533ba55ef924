import Foundation
import XCTest

/// README snippets marked `<!-- snippet: FILE -->` are copied from FILE, which CI builds or runs,
/// so what users copy is what is tested.
final class ReadmeSnippetTests: XCTestCase {
    func testMarkedSnippetsAppearInTheirFiles() throws {
        let readme = try String(contentsOf: GoldenFiles.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let snippets = Self.markedSnippets(in: readme)
        XCTAssertGreaterThanOrEqual(snippets.count, 3)
        for (file, snippet) in snippets {
            let source = try String(contentsOf: GoldenFiles.packageRoot.appendingPathComponent(file), encoding: .utf8)
            // Indentation may differ (a snippet can sit inside a test function); `import` lines
            // belong to the file's header; every other line must appear, in order, in the file.
            let wanted = Self.trimmedLines(snippet).filter { !$0.hasPrefix("import ") }
            XCTAssertTrue(Self.trimmedLines(source).joined(separator: "\n").contains(wanted.joined(separator: "\n")),
                          "README snippet is not in \(file):\n\(snippet)")
        }
    }

    static func trimmedLines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// (file, code) for each fenced block right after a snippet marker.
    static func markedSnippets(in readme: String) -> [(String, String)] {
        var result: [(String, String)] = []
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        while index < lines.count {
            let line = lines[index]
            guard line.hasPrefix("<!-- snippet: "), line.hasSuffix(" -->") else {
                index += 1
                continue
            }
            let file = String(line.dropFirst("<!-- snippet: ".count).dropLast(" -->".count))
            var body: [String] = []
            index += 2  // skip the marker and the opening fence
            while index < lines.count, !lines[index].hasPrefix("```") {
                body.append(lines[index])
                index += 1
            }
            result.append((file, body.joined(separator: "\n")))
        }
        return result
    }
}
