import KilnDiagnostics
internal import KilnYAML

/// Reads a spec file (YAML or JSON, through the same parser) and decodes it.
public enum OpenAPILoader {
    /// `displayPath` is how the file is named in diagnostics (default: `path` as given); files it
    /// references are named relative to it.
    ///
    /// A description split over several files (relative `$ref`s, YAML and JSON mixed) is merged into
    /// one document first; see `DocumentMerger`.
    public static func load(path: String, displayPath: String? = nil) throws(DiagnosticError) -> DecodedDocument {
        let name = displayPath ?? path
        let merged = try mergedDocument(path: path, displayPath: name)
        return try OpenAPIDecoder.decode(merged, file: name)
    }

    /// Decodes spec text held in memory (tests, fuzzing, plugins).
    public static func load(text: String, displayPath: String) throws(DiagnosticError) -> DecodedDocument {
        let yaml = try YAMLParser.parse(text, file: displayPath)
        return try OpenAPIDecoder.decode(yaml, file: displayPath)
    }

    /// Decodes spec bytes held in memory, in whatever encoding the parser detects (fuzzing).
    public static func load(bytes: [UInt8], displayPath: String) throws(DiagnosticError) -> DecodedDocument {
        let yaml = try YAMLParser.parse(bytes, file: displayPath)
        return try OpenAPIDecoder.decode(yaml, file: displayPath)
    }

    /// The description at `path` with every file it references merged in, as one self-contained
    /// document: JSON when `format` is `.json`, otherwise YAML. Generating from it gives the same code.
    public static func bundle(path: String, displayPath: String? = nil, format: BundleFormat) throws(DiagnosticError) -> BundledDocument {
        let name = displayPath ?? path
        let merged = try mergedDocument(path: path, displayPath: name)
        // Decoding checks what merging cannot (dangling local references, wrong kinds), so a bundle is never broken.
        let decoded = try OpenAPIDecoder.decode(merged, file: name)
        let text = format == .json ? merged.root.prettyJSONText : merged.root.yamlText
        return BundledDocument(text: text, warnings: decoded.warnings)
    }

    /// The files a description consists of (canonical paths, the root file first): what a build
    /// must watch to regenerate when any of them changes.
    public static func documentFiles(path: String) throws(DiagnosticError) -> [String] {
        try DocumentSet(path: path, displayPath: path).files.map(\.path)
    }

    private static func mergedDocument(path: String, displayPath: String) throws(DiagnosticError) -> YAMLDocument {
        let set = try DocumentSet(path: path, displayPath: displayPath)
        let (root, log) = DocumentMerger.merge(set)
        try log.throwIfErrors()
        return YAMLDocument(root: root, warnings: log.diagnostics)
    }
}

/// The serialization `OpenAPILoader.bundle` writes.
public enum BundleFormat: Sendable {
    case yaml, json
}

/// A bundled description and the warnings found while making it.
public struct BundledDocument: Sendable {
    public var text: String
    public var warnings: [Diagnostic]
}
