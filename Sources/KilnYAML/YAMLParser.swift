import KilnDiagnostics

/// Parses YAML (and JSON, which is YAML flow style) into a tree of `YAMLNode`s with 1-based source locations.
///
/// A thin layer over the system libyaml's event API: libyaml does the scanning and grammar, this
/// builds the tree with an explicit stack (deep input cannot overflow the Swift stack), resolves
/// aliases and merge keys, bounds alias expansion and turns libyaml's errors into `Diagnostic`s.
public enum YAMLParser {
    /// Parses a single-document YAML or JSON text. `file` is the name used in every `SourceLocation`.
    public static func parse(
        _ text: String,
        file: String,
        limits: YAMLParser.Limits = .init()
    ) throws(DiagnosticError) -> YAMLDocument {
        var text = text
        // `withUTF8` only rethrows untyped errors, so the typed error travels in a Result.
        let result = text.withUTF8 { buffer in
            Result { () throws(DiagnosticError) in try parse(buffer: buffer, file: file, limits: limits) }
        }
        return try result.get()
    }

    /// Parses raw bytes: UTF-8 (with or without a byte order mark), or UTF-16/UTF-32 with a byte order mark.
    public static func parse(
        _ bytes: [UInt8],
        file: String,
        limits: YAMLParser.Limits = .init()
    ) throws(DiagnosticError) -> YAMLDocument {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(DiagnosticError) in try parse(buffer: buffer, file: file, limits: limits) }
        }
        return try result.get()
    }

    /// Reads the file at `path` and parses it; `displayPath` (default: `path` as given) goes into locations.
    ///
    /// An unreadable file is reported as a `DiagnosticError` whose diagnostic has no location.
    public static func parse(
        contentsOfFile path: String,
        displayPath: String? = nil,
        limits: YAMLParser.Limits = .init()
    ) throws(DiagnosticError) -> YAMLDocument {
        let file = displayPath ?? path
        return try parse(YAMLFileReader.bytes(ofFile: path, displayPath: file, limits: limits), file: file, limits: limits)
    }

    /// Normalizes the encoding to UTF-8 without a byte order mark, so libyaml, the error
    /// translator and the byte-offset arithmetic all see the same bytes.
    private static func parse(
        buffer: UnsafeBufferPointer<UInt8>,
        file: String,
        limits: Limits
    ) throws(DiagnosticError) -> YAMLDocument {
        try limits.checkSize(buffer.count, file: file)
        let encoding = YAMLInputEncoding.detect(buffer)
        guard encoding.needsTranscoding else {
            let text = UnsafeBufferPointer(rebasing: buffer[encoding.byteOrderMarkLength...])
            return try YAMLTextParser.parse(text, file: file, limits: limits)
        }
        let utf8 = try encoding.transcodeToUTF8(buffer, file: file)
        let result = utf8.withUnsafeBufferPointer { text in
            Result { () throws(DiagnosticError) in try YAMLTextParser.parse(text, file: file, limits: limits) }
        }
        return try result.get()
    }
}
