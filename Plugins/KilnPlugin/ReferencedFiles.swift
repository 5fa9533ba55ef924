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
        var targets: [String] = []
        var rest = Substring(text)
        while let found = rest.range(of: "$ref") {
            rest = rest[found.upperBound...]
            guard let value = value(afterKey: &rest) else { continue }
            let file = String(value.prefix { $0 != "#" })
            guard !file.isEmpty, !isAbsoluteURI(file) else { continue }
            targets.append(file.removingPercentEncoding ?? file)
        }
        return targets
    }

    /// After a `$ref` key: its closing quote, if any, `:`, and a double-quoted, single-quoted or plain value.
    private static func value(afterKey rest: inout Substring) -> Substring? {
        if rest.first == "\"" || rest.first == "'" { rest = rest.dropFirst() }
        rest = rest.drop { $0 == " " || $0 == "\t" }
        guard rest.first == ":" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
        guard let first = rest.first else { return nil }
        if first == "\"" || first == "'" {
            let body = rest.dropFirst()
            guard let close = body.firstIndex(of: first) else { return nil }
            rest = body[body.index(after: close)...]
            return body[..<close]
        }
        let value = rest.prefix { !$0.isWhitespace && $0 != "," && $0 != "}" && $0 != "]" }
        rest = rest[value.endIndex...]
        return value
    }

    private static func isAbsoluteURI(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        // A one-letter "scheme" is a Windows drive letter.
        let scheme = text[..<colon]
        return scheme.count > 1 && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
    }

    private static func isRegularFile(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}
