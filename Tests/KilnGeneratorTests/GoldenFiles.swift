import Foundation
import KilnGenerator
import XCTest

/// Compares generated files with checked-in ones, or re-records them when `KILN_RECORD_GOLDEN=1`.
enum GoldenFiles {
    static var isRecording: Bool { ProcessInfo.processInfo.environment["KILN_RECORD_GOLDEN"] == "1" }

    /// The package root: this file is `Tests/KilnGeneratorTests/GoldenFiles.swift`.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func assertMatches(
        _ files: [GeneratedFile], directory: URL, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        if isRecording {
            _ = try OutputWriter(directory: directory.path).write(files)
            return
        }
        let expectedPaths = Set(generatedFiles(under: directory))
        let actualPaths = Set(files.map(\.path))
        XCTAssertEqual(
            actualPaths.subtracting(expectedPaths).sorted(), [],
            "generated but not checked in (re-record with KILN_RECORD_GOLDEN=1)", file: file, line: line
        )
        XCTAssertEqual(
            expectedPaths.subtracting(actualPaths).sorted(), [],
            "checked in but no longer generated (re-record with KILN_RECORD_GOLDEN=1)", file: file, line: line
        )
        for generated in files where expectedPaths.contains(generated.path) {
            let expected = try String(contentsOf: directory.appendingPathComponent(generated.path), encoding: .utf8)
            if expected != generated.contents {
                XCTFail(
                    "\(generated.path) differs from the checked-in file: \(firstDifference(expected, generated.contents)) "
                        + "(re-record with KILN_RECORD_GOLDEN=1)",
                    file: file, line: line
                )
            }
        }
    }

    /// The files Kiln owns in an output directory: Swift sources and the module's README.md.
    static func generatedFiles(under directory: URL) -> [String] {
        let readme = directory.appendingPathComponent("README.md")
        let hasReadme = FileManager.default.fileExists(atPath: readme.path)
        return (swiftFiles(under: directory) + (hasReadme ? ["README.md"] : [])).sorted()
    }

    static func swiftFiles(under directory: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else { return [] }
        let prefix = directory.standardizedFileURL.path + "/"
        var paths: [String] = []
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            paths.append(String(url.standardizedFileURL.path.dropFirst(prefix.count)))
        }
        return paths.sorted()
    }

    /// `line N: expected "…", generated "…"` for the first differing line.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let left = index < expectedLines.count ? String(expectedLines[index]) : "<end of file>"
            let right = index < actualLines.count ? String(actualLines[index]) : "<end of file>"
            if left != right { return "line \(index + 1): expected \"\(left)\", generated \"\(right)\"" }
        }
        return "no line differs"
    }
}
