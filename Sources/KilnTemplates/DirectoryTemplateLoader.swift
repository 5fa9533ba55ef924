import Foundation

/// Templates read from a folder on disk, e.g. a user's directory of overrides.
///
/// Names may contain `/` to reach subfolders. Files are read when first asked for; the environment
/// caches what it parsed, so each file is read at most once per environment.
public struct DirectoryTemplateLoader: TemplateLoader {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public func loadTemplate(named name: String) throws -> TemplateSource? {
        let path = self.path(for: name)
        var isDirectory: ObjCBool = false
        // A missing file is "not here" (the next loader in a chain may have it); an existing
        // file that cannot be read is an error worth reporting.
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return nil
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return TemplateSource(text: text, displayPath: path)
    }

    private func path(for name: String) -> String {
        if directory.isEmpty { return name }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
