import CLibYAML
import KilnDiagnostics

/// Finds where libyaml's scanner sees double-quoted scalars, for `SurrogateEscapeRewriter`.
///
/// Uses the token API (not events): a scalar token starts exactly at its opening quote, while a
/// scalar event starts at its anchor or tag if it has one.
enum LibYAMLQuotedScalarScanner {
    /// The 0-based character indices of the opening quotes of double-quoted scalars, in order.
    ///
    /// A scanner error is thrown as is: the scanner reads ahead, so tokens before the error may
    /// never be returned, and the text given here (the sanitized copy) has the same error at the
    /// same place as the original.
    static func doubleQuotedScalarStarts(in text: UnsafeBufferPointer<UInt8>, file: String) throws(DiagnosticError) -> [Int] {
        guard let start = text.baseAddress, !text.isEmpty else { return [] }
        // On the heap: libyaml's string reader points back at the parser, so it must not move.
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) != 0 else {
            throw DiagnosticError(.error("out of memory while starting the YAML parser", at: nil))
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, start, text.count)

        var starts: [Int] = []
        var token = yaml_token_t()
        while true {
            guard yaml_parser_scan(parser, &token) != 0 else {
                let translator = LibYAMLErrorTranslator(parser: parser, text: UTF8TextLocator(text), locations: LocationMap(file: file))
                throw DiagnosticError(translator.diagnostic())
            }
            defer { yaml_token_delete(&token) }
            if token.type == YAML_STREAM_END_TOKEN || token.type == YAML_NO_TOKEN { return starts }
            if token.type == YAML_SCALAR_TOKEN, token.data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE {
                starts.append(token.start_mark.index)
            }
        }
    }
}
