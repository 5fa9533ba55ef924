import CLibYAML
import KilnDiagnostics

/// Owns one libyaml parser for the duration of a parse and hands out its events as `YAMLEvent`s.
///
/// The parser struct lives on the heap because libyaml's string reader keeps a pointer back to it,
/// so it must never move. `deinit` releases it on every path, success or throw; each C event is
/// copied into Swift values and freed before `next()` returns. The input must outlive the reader.
final class LibYAMLEventReader {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeBufferPointer<UInt8>
    private let locations: LocationMap
    /// Set when parsing failed on a `\u` escape libyaml cannot decode (see `SurrogateEscapeRewriter`).
    private(set) var failedOnInvalidEscape = false

    /// - Parameters:
    ///   - start: the first byte of UTF-8 text without a byte order mark (libyaml rejects a null pointer).
    ///   - count: the number of bytes.
    init(start: UnsafePointer<UInt8>, count: Int, locations: LocationMap) throws(DiagnosticError) {
        parser = .allocate(capacity: 1)
        guard yaml_parser_initialize(parser) != 0 else {
            parser.deallocate()
            throw DiagnosticError(.error("out of memory while starting the YAML parser", at: nil))
        }
        input = UnsafeBufferPointer(start: start, count: count)
        self.locations = locations
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, start, count)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    /// The next event; after `.streamEnd` or a throw the reader must not be asked again.
    func next() throws(DiagnosticError) -> YAMLEvent {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) != 0 else {
            // On failure libyaml leaves the event empty: there is nothing to delete.
            noteInvalidEscape()
            let translator = LibYAMLErrorTranslator(parser: parser, text: UTF8TextLocator(input), locations: locations)
            throw DiagnosticError(translator.diagnostic())
        }
        defer { yaml_event_delete(&event) }
        return convert(event)
    }

    private func noteInvalidEscape() {
        let state = parser.pointee
        guard state.error == YAML_SCANNER_ERROR, let problem = state.problem else { return }
        failedOnInvalidEscape = String(cString: problem) == LibYAMLErrorTranslator.invalidEscapeProblem
    }

    private func convert(_ event: yaml_event_t) -> YAMLEvent {
        switch event.type {
        case YAML_STREAM_START_EVENT:
            return .streamStart
        case YAML_DOCUMENT_START_EVENT:
            return .documentStart(location(event.start_mark))
        case YAML_DOCUMENT_END_EVENT:
            return .documentEnd
        case YAML_ALIAS_EVENT:
            return .alias(anchor: string(event.data.alias.anchor) ?? "", location: location(event.start_mark))
        case YAML_SCALAR_EVENT:
            return convertScalar(event)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            return .sequenceStart(properties(event, tag: data.tag, anchor: data.anchor, isPlainScalar: false))
        case YAML_SEQUENCE_END_EVENT:
            return .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            return .mappingStart(properties(event, tag: data.tag, anchor: data.anchor, isPlainScalar: false))
        case YAML_MAPPING_END_EVENT:
            return .mappingEnd
        default:
            // YAML_STREAM_END_EVENT, and YAML_NO_EVENT which libyaml only produces after the stream end.
            return .streamEnd
        }
    }

    private func convertScalar(_ event: yaml_event_t) -> YAMLEvent {
        let data = event.data.scalar
        let style = scalarStyle(data.style)
        // Straight from libyaml's buffer: no per-character String building.
        let value = data.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: data.length), as: UTF8.self) }
        let properties = properties(event, tag: data.tag, anchor: data.anchor, isPlainScalar: style == .plain)
        return .scalar(YAMLScalar(value ?? "", style: style), properties)
    }

    private func properties(
        _ event: yaml_event_t,
        tag: UnsafeMutablePointer<yaml_char_t>?,
        anchor: UnsafeMutablePointer<yaml_char_t>?,
        isPlainScalar: Bool
    ) -> YAMLEvent.NodeProperties {
        YAMLEvent.NodeProperties(
            location: location(event.start_mark),
            tag: YAMLTagNormalizer.normalize(string(tag), isPlainScalar: isPlainScalar),
            anchor: string(anchor)
        )
    }

    private func scalarStyle(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        locations.location(line: mark.line, column: mark.column)
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
