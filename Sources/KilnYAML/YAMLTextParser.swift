import KilnDiagnostics

/// Parses UTF-8 text (no byte order mark) with libyaml into a `YAMLDocument`.
///
/// If libyaml rejects a `\u` escape because it is half of a UTF-16 surrogate pair (valid JSON,
/// invalid YAML 1.1), the pairs in double-quoted scalars are rewritten (`SurrogateEscapeRewriter`)
/// and the text parsed again. Text without such escapes is parsed once, without copying.
enum YAMLTextParser {
    /// A failed parse, and whether it failed on a `\u` escape libyaml cannot decode.
    private struct Failure: Error {
        var error: DiagnosticError
        var isInvalidEscape = false
    }

    static func parse(
        _ text: UnsafeBufferPointer<UInt8>,
        file: String,
        limits: YAMLParser.Limits
    ) throws(DiagnosticError) -> YAMLDocument {
        let failure: Failure
        switch parseOnce(text, locations: LocationMap(file: file), limits: limits) {
        case .success(let document): return document
        case .failure(let error): failure = error
        }
        guard failure.isInvalidEscape, let rewritten = try rewriteSurrogatePairs(text, file: file) else {
            throw failure.error
        }
        let retry = rewritten.text.withUnsafeBufferPointer {
            parseOnce($0, locations: rewritten.locationMap, limits: limits)
        }
        return try retry.mapError(\.error).get()
    }

    /// The text with surrogate pairs in double-quoted scalars rewritten; nil if there were none
    /// (the escape libyaml rejected is then a lone surrogate or out of range, a genuine error).
    private static func rewriteSurrogatePairs(
        _ text: UnsafeBufferPointer<UInt8>,
        file: String
    ) throws(DiagnosticError) -> SurrogateEscapeRewriter? {
        guard let sanitized = SurrogateEscapeRewriter.sanitized(text) else { return nil }
        let result = sanitized.withUnsafeBufferPointer { buffer in
            Result { () throws(DiagnosticError) in
                try LibYAMLQuotedScalarScanner.doubleQuotedScalarStarts(in: buffer, file: file)
            }
        }
        var rewriter = SurrogateEscapeRewriter(text, file: file)
        return rewriter.rewriteQuotedScalars(at: try result.get()) ? rewriter : nil
    }

    private static func parseOnce(
        _ text: UnsafeBufferPointer<UInt8>,
        locations: LocationMap,
        limits: YAMLParser.Limits
    ) -> Result<YAMLDocument, Failure> {
        var builder = YAMLTreeBuilder(file: locations.file, limits: limits)
        // libyaml rejects a null input pointer, and an empty text is simply an empty stream.
        guard let start = text.baseAddress, !text.isEmpty else { return .success(builder.document) }
        let reader: LibYAMLEventReader
        do {
            reader = try LibYAMLEventReader(start: start, count: text.count, locations: locations)
        } catch {
            return .failure(Failure(error: error))
        }
        do {
            while try !builder.consume(reader.next()) {}
            return .success(builder.document)
        } catch {
            return .failure(Failure(error: error, isInvalidEscape: reader.failedOnInvalidEscape))
        }
    }
}
