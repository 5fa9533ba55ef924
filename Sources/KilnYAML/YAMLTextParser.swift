import KilnDiagnostics

/// Parses UTF-8 text (no byte order mark) with libyaml into a `YAMLDocument`.
///
/// If libyaml rejects a `\u` escape because it is half of a UTF-16 surrogate pair (valid JSON,
/// invalid YAML 1.1), the pairs are rewritten (`SurrogateEscapeRewriter`) and the text parsed again:
/// a plain JSON text in one go, otherwise one quoted scalar per retry (each retry fixes the scalar
/// libyaml stopped at). Text without such escapes is parsed once, without copying.
enum YAMLTextParser {
    /// A failed parse, and whether a rewrite could get past it.
    private struct Failure: Error {
        var error: DiagnosticError
        var invalidEscapeScalarStart: SurrogateEscapeRewriter.QuotedScalarStart?
    }

    static func parse(
        _ text: UnsafeBufferPointer<UInt8>,
        file: String,
        limits: YAMLParser.Limits
    ) throws(DiagnosticError) -> YAMLDocument {
        var attempt = parseOnce(text, locations: LocationMap(file: file), limits: limits)
        var rewriter: SurrogateEscapeRewriter?
        while true {
            let failure: Failure
            switch attempt {
            case .success(let document): return document
            case .failure(let error): failure = error
            }
            guard let start = failure.invalidEscapeScalarStart else { throw failure.error }
            var next = rewriter ?? SurrogateEscapeRewriter(text, file: file)
            let rewroteAll = rewriter == nil && next.rewriteJSONStrings()
            guard rewroteAll || next.rewriteQuotedScalar(at: start) else { throw failure.error }
            rewriter = next
            attempt = next.text.withUnsafeBufferPointer { parseOnce($0, locations: next.locationMap, limits: limits) }
        }
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
            return .failure(Failure(error: error, invalidEscapeScalarStart: reader.invalidEscapeScalarStart))
        }
    }
}
