import Foundation

/// File-system paths of the files a description consists of.
///
/// Here rather than in KilnOpenAPI so that the document model's module does not import Foundation
/// (whose extensions would change which string functions every file there calls).
public enum SpecFilePath {
    public enum Kind: Sendable {
        case file, directory, missing
    }

    /// Absolute, with `.`, `..` and symbolic links resolved: one spelling per file, so each loads once.
    public static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    public static func kind(of path: String) -> Kind {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .missing }
        return isDirectory.boolValue ? .directory : .file
    }

    /// The folder part of a path (`a/b/c.yaml` → `a/b`, `c.yaml` → ``).
    public static func directory(of path: String) -> String {
        (path as NSString).deletingLastPathComponent
    }

    /// `directory` and `relative` joined with one `/` (`relative` as written, `..` included).
    public static func joining(_ directory: String, _ relative: String) -> String {
        directory.isEmpty ? relative : (directory as NSString).appendingPathComponent(relative)
    }
}
