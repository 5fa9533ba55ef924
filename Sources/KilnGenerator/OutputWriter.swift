import Foundation
import KilnDiagnostics

/// Writes generated files into an output directory so that it is never left half-written.
///
/// The new tree is assembled in a sibling temporary directory and then swapped in with renames:
/// until the swap, the previous output is untouched; if anything fails, the temporary tree is
/// removed and the error reported. Unchanged files are hard-linked from the previous output
/// (their timestamps kept, so builds stay incremental), and files Kiln does not generate
/// (anything but `.swift`) are carried over.
public struct OutputWriter {
    public struct Summary: Sendable, Equatable {
        public var written: [String] = []
        public var unchanged: [String] = []
        public var removed: [String] = []
    }

    /// Kiln owns the `.swift` files of its output directory; everything else there is the user's.
    private static let generatedExtension = "swift"

    public let directory: URL
    private let fileManager = FileManager.default

    public init(directory: String) {
        self.directory = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
    }

    public func write(_ files: [GeneratedFile]) throws(DiagnosticError) -> Summary {
        let staging = directory.deletingLastPathComponent()
            .appendingPathComponent(".\(directory.lastPathComponent).kiln-\(UUID().uuidString)", isDirectory: true)
        do {
            let summary = try stage(files, in: staging)
            if summary.written.isEmpty && summary.removed.isEmpty && fileManager.fileExists(atPath: directory.path) {
                // Nothing changes: leave the directory itself alone too.
                try? fileManager.removeItem(at: staging)
                return summary
            }
            try swapIn(staging)
            return summary
        } catch {
            try? fileManager.removeItem(at: staging)
            if let diagnostic = error as? DiagnosticError { throw diagnostic }
            throw DiagnosticError(.error("cannot write output to \(directory.path): \(error.localizedDescription)", at: nil))
        }
    }

    // MARK: Staging

    private func stage(_ files: [GeneratedFile], in staging: URL) throws -> Summary {
        var summary = Summary()
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        let previous = Set(existingFiles().filter { $0.hasSuffix("." + Self.generatedExtension) })
        for file in files {
            let target = try destination(of: file.path, under: staging)
            try fileManager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            let old = directory.appendingPathComponent(file.path)
            let data = Data(file.contents.utf8)
            if previous.contains(file.path), (try? Data(contentsOf: old)) == data {
                try linkOrCopy(old, to: target)
                summary.unchanged.append(file.path)
            } else {
                try data.write(to: target)
                summary.written.append(file.path)
            }
        }
        let kept = Set(files.map(\.path))
        summary.removed = previous.subtracting(kept).sorted()
        try carryOverUserFiles(into: staging)
        return summary
    }

    /// Relative paths of every regular file under the output directory.
    private func existingFiles() -> [String] {
        guard let enumerator = fileManager.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return []
        }
        let prefixLength = directory.path.count + 1
        var paths: [String] = []
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            paths.append(String(url.standardizedFileURL.path.dropFirst(prefixLength)))
        }
        return paths
    }

    private func carryOverUserFiles(into staging: URL) throws {
        for path in existingFiles() where !path.hasSuffix("." + Self.generatedExtension) {
            let target = staging.appendingPathComponent(path)
            guard !fileManager.fileExists(atPath: target.path) else { continue }
            try fileManager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try linkOrCopy(directory.appendingPathComponent(path), to: target)
        }
    }

    /// A hard link keeps the file's timestamps; across file systems a copy has to do.
    private func linkOrCopy(_ source: URL, to target: URL) throws {
        do {
            try fileManager.linkItem(at: source, to: target)
        } catch {
            try fileManager.copyItem(at: source, to: target)
        }
    }

    /// Resolves a relative output path, refusing anything that would land outside the directory.
    private func destination(of relativePath: String, under root: URL) throws(DiagnosticError) -> URL {
        let url = root.appendingPathComponent(relativePath).standardizedFileURL
        let components = relativePath.split(separator: "/")
        guard !relativePath.hasPrefix("/"), !components.contains(".."), !components.isEmpty,
              url.path.hasPrefix(root.standardizedFileURL.path + "/")
        else {
            throw DiagnosticError(.error("refusing to write '\(relativePath)' outside the output directory", at: nil))
        }
        return url
    }

    // MARK: Swapping

    /// Renames the old output aside, the staged tree into place, then deletes the old one.
    private func swapIn(_ staging: URL) throws {
        guard fileManager.fileExists(atPath: directory.path) else {
            try fileManager.moveItem(at: staging, to: directory)
            return
        }
        let retired = directory.deletingLastPathComponent()
            .appendingPathComponent(".\(directory.lastPathComponent).kiln-old-\(UUID().uuidString)", isDirectory: true)
        try fileManager.moveItem(at: directory, to: retired)
        do {
            try fileManager.moveItem(at: staging, to: directory)
        } catch {
            // Put the previous output back before reporting.
            try? fileManager.moveItem(at: retired, to: directory)
            throw error
        }
        try? fileManager.removeItem(at: retired)
    }
}
