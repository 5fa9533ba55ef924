import Foundation

/// The files an OpenAPI description consists of, found the way a build system needs them: the root
/// file and every file its `$ref`s name, transitively, so that editing any of them regenerates.
///
/// Build-tool plugins cannot import Kiln's library targets, so this is a small text scanner rather
/// than Kiln's YAML loader; a test compiles this same file and checks that it finds exactly the files
/// the loader reads. It errs towards listing more: a `$ref` in a comment naming an existing file
/// only costs an unneeded regeneration, whereas a missed file would leave stale code.
enum ReferencedFiles {
    /// The root file first, then referenced files in the order they were found; canonical paths.
    static func documentSet(root: URL) -> [URL] {
        var found: [URL] = []
        var seen: Set<String> = []
        var queue = [root.standardizedFileURL.resolvingSymlinksInPath()]
        while !queue.isEmpty {
            let file = queue.removeFirst()
            guard seen.insert(file.path).inserted else { continue }
            found.append(file)
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            for target in referenceTargets(in: text) {
                let url = URL(fileURLWithPath: target, relativeTo: file.deletingLastPathComponent())
                    .standardizedFileURL.resolvingSymlinksInPath()
                if !seen.contains(url.path), isRegularFile(url) { queue.append(url) }
            }
        }
        return found
    }

    /// The file part of every `$ref` value in YAML or JSON text (`"$ref": "a.json#/x"`, `$ref: a.yaml`,
    /// `{$ref: 'b.yaml'}`), percent-decoded; local (`#…`) and absolute-URI references are left out.
    static func referenceTargets(in text: String) -> [String] {
        let range = NSRange(text.startIndex..., in: text)
        return pattern.matches(in: text, range: range).compactMap { match in
            let value = (1...3).lazy.compactMap { Range(match.range(at: $0), in: text).map { String(text[$0]) } }.first ?? ""
            let file = String(value.prefix { $0 != "#" })
            guard !file.isEmpty, !isAbsoluteURI(file) else { return nil }
            return file.removingPercentEncoding ?? file
        }
    }

    /// `$ref` (bare or quoted) followed by `:` and a double-quoted, single-quoted or plain value.
    private static let pattern = try! NSRegularExpression(
        pattern: #"["']?\$ref["']?\s*:\s*(?:"([^"]*)"|'([^']*)'|([^\s,}\]"'#][^\s,}\]]*))"#
    )

    private static func isAbsoluteURI(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        return text.distance(from: text.startIndex, to: colon) > 1 && text[..<colon].allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
    }

    private static func isRegularFile(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}
