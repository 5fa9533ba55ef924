import Foundation

/// Finds places in the repository's own files that reach outside the repository: a clone has nothing
/// beside it, so a test, script or example that reads a sibling folder of the checkout (the reference
/// shelf `shared` beside it, say) works on its author's machine and fails for everyone else.
///
/// Three rules, each for a way such a path has actually been written here:
/// - **sibling folders by name**: `..` then `/shared`, `parent / "shared"`, `"..", "shared"`,
///   `deletingLastPathComponent().appendingPathComponent("shared…")`;
/// - **above a root variable**: the repository root (`ROOT`, `REPO`, `packageRoot`) followed by a step
///   up (`$ROOT/..`, `ROOT.parent`, `os.path.join(REPO, "..")`, `packageRoot.deletingLastPathComponent()`);
/// - **relative paths that climb out**: a quoted `../…` path in a package manifest, or one after
///   `$(dirname "$0")/` in a script, resolved against the file's own folder, ends above the root.
struct RepositoryPathScanner {
    struct Finding: Equatable, CustomStringConvertible {
        var file: String
        var line: Int
        var rule: String
        var text: String

        var description: String { "\(file):\(line): \(rule): \(text)" }
    }

    /// The folders (and files) whose contents must stay inside the repository, relative to the root.
    static let scannedRoots = ["Package.swift", "Sources", "Tests", "scripts", "Benchmarks", "Fuzz", "Examples", ".ci"]

    /// The scanner and its tests spell out the forbidden forms on purpose.
    static let ownFiles: Set<String> = [
        "Tests/KilnGeneratorTests/RepositoryPathScanner.swift", "Tests/KilnGeneratorTests/RepositoryStandsAloneTests.swift",
    ]

    // Computed, since a `Regex` is not `Sendable` and cannot be a stored static.
    private static var siblingByName: Regex<Substring> {
        #/\.\.[\/\\]shared\b|parent\s*\/\s*"shared"|"\.\."\s*,\s*"shared"|deletingLastPathComponent\(\)\s*\.appendingPathComponent\("shared/#
    }
    private static var aboveRootVariable: Regex<Substring> {
        #/\$\{?(?:ROOT|REPO)\}?\/\.\.|\b(?:ROOT|REPO)\.parent\b|os\.path\.join\(\s*(?:ROOT|REPO)\s*,\s*"\.\."|packageRoot\s*\.deletingLastPathComponent\(\)/#
    }
    private static var manifestPath: Regex<(Substring, Substring)> { #/path:\s*"((?:\.\.\/)*\.\.)(?:\/[^"]*)?"/# }
    private static var scriptRelativePath: Regex<(Substring, Substring)> { #/\$\(dirname "\$0"\)\/((?:\.\.\/?)+)/# }

    /// Scans one file's text; `relativePath` is the file's path from the repository root.
    static func findings(in text: String, relativePath: String) -> [Finding] {
        let depth = relativePath.split(separator: "/").count - 1
        let isManifest = relativePath.hasSuffix("Package.swift")
        var findings: [Finding] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            // Every rule needs one of these words; checking for them first keeps the scan of the
            // megabyte-long lines of the JSON specs from running the regexes at all.
            guard line.contains("..") || line.contains("parent") || line.contains("deletingLastPathComponent") else { continue }
            let lineText = String(line)
            func add(_ rule: String) {
                findings.append(Finding(file: relativePath, line: index + 1, rule: rule, text: lineText.trimmingCharacters(in: .whitespaces)))
            }
            if lineText.contains(siblingByName) { add("a sibling folder of the repository") }
            if lineText.contains(aboveRootVariable) { add("a step above the repository root") }
            let climbing = (isManifest ? lineText.matches(of: manifestPath) : []) + lineText.matches(of: scriptRelativePath)
            for match in climbing {
                let steps = match.output.1.split(separator: "/").filter { $0 == ".." }.count
                if steps > depth { add("a relative path that climbs \(steps) folders from depth \(depth)") }
            }
        }
        return findings
    }

    /// Every text file under the scanned roots, build folders and checked-in generated fixtures aside.
    static func scan(root: URL) throws -> (files: Int, findings: [Finding]) {
        var files = 0
        var findings: [Finding] = []
        for relativePath in try filePaths(root: root) where !ownFiles.contains(relativePath) {
            guard let text = try? String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8) else { continue }
            files += 1
            findings += Self.findings(in: text, relativePath: relativePath)
        }
        return (files, findings)
    }

    private static func filePaths(root: URL) throws -> [String] {
        let manager = FileManager.default
        var paths: [String] = []
        for entry in scannedRoots {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: root.appendingPathComponent(entry).path, isDirectory: &isDirectory) else { continue }
            guard isDirectory.boolValue else {
                paths.append(entry)
                continue
            }
            let enumerator = manager.enumerator(atPath: root.appendingPathComponent(entry).path)
            while let relative = enumerator?.nextObject() as? String {
                let components = relative.split(separator: "/")
                // Build products of nested packages, not the repository's own files.
                if components.contains(where: { $0.hasPrefix(".build") || $0 == ".swiftpm" }) { continue }
                var isFile: ObjCBool = false
                let full = root.appendingPathComponent(entry).appendingPathComponent(relative)
                if manager.fileExists(atPath: full.path, isDirectory: &isFile), !isFile.boolValue {
                    paths.append("\(entry)/\(relative)")
                }
            }
        }
        return paths.sorted()
    }
}
