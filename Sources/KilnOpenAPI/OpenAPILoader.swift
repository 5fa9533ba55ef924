import KilnDiagnostics
internal import KilnYAML

/// Reads a spec file (YAML or JSON, through the same parser) and decodes it.
public enum OpenAPILoader {
    /// `displayPath` is how the file is named in diagnostics (default: `path` as given).
    public static func load(path: String, displayPath: String? = nil) throws(DiagnosticError) -> DecodedDocument {
        let name = displayPath ?? path
        let yaml = try YAMLParser.parse(contentsOfFile: path, displayPath: name)
        return try OpenAPIDecoder.decode(yaml, file: name)
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
}
