import CLibYAML
import KilnDiagnostics

/// Turns the error state of a failed libyaml parser into one readable, 1-based `Diagnostic`.
///
/// libyaml describes a syntax error as a problem at a mark plus, often, the construct it was in
/// ("while scanning a quoted scalar") at another mark; both go into one sentence. Reader errors
/// (bad encoding, control characters) come as byte offsets and are mapped to line and column here.
struct LibYAMLErrorTranslator {
    let parser: UnsafePointer<yaml_parser_t>
    let text: UTF8TextLocator
    let locations: LocationMap

    static let invalidEscapeProblem = "found invalid Unicode character escape code"

    init(parser: UnsafeMutablePointer<yaml_parser_t>, text: UTF8TextLocator, locations: LocationMap) {
        self.parser = UnsafePointer(parser)
        self.text = text
        self.locations = locations
    }

    func diagnostic() -> Diagnostic {
        let state = parser.pointee
        switch state.error {
        case YAML_MEMORY_ERROR:
            return .error("out of memory while parsing YAML", at: nil)
        case YAML_READER_ERROR:
            return readerDiagnostic(state)
        default:
            return .error(syntaxMessage(state), at: location(state.problem_mark))
        }
    }

    // MARK: Syntax errors

    private func syntaxMessage(_ state: yaml_parser_t) -> String {
        let (problem, hint) = explain(string(state.problem) ?? "invalid YAML", at: state.problem_mark)
        var message = problem
        // "while scanning for the next token" restates the problem; leave it out.
        if let context = string(state.context), context != "while scanning for the next token" {
            message += " \(context)"
            if !isSamePlace(state.context_mark, state.problem_mark) {
                let start = location(state.context_mark)
                message += " that started at line \(start.line), column \(start.column)"
            }
        }
        if let hint { message += " (\(hint))" }
        return message
    }

    /// libyaml's problem text, made more specific where the offending character tells more.
    private func explain(_ problem: String, at mark: yaml_mark_t) -> (problem: String, hint: String?) {
        switch problem {
        case "found character that cannot start any token":
            guard let character = text.scalars(atCharacterIndex: mark.index).first else { return (problem, nil) }
            if character == "\t" { return (problem, "tabs are not allowed for indentation") }
            let described = "found character \(quoted(character)) that cannot start any token"
            let reserved = character == "@" || character == "`"
            return (described, reserved ? "'@' and '`' are reserved at the start of a plain scalar; quote the scalar" : nil)
        case "found unknown escape character":
            // The mark is on the backslash; the escape letter follows it.
            guard let character = text.scalars(atCharacterIndex: mark.index + 1).first else { return (problem, nil) }
            return ("found unknown escape character \(quoted(character)) after '\\'", nil)
        case Self.invalidEscapeProblem:
            return (problem, isSurrogate(hexDigitsAt: mark) ? "a UTF-16 surrogate escape needs its other half right after it" : nil)
        case "mapping values are not allowed in this context":
            return (problem, "a plain scalar cannot contain ': '; quote it, or check the indentation")
        case "did not find expected key":
            return (problem, "check the indentation")
        default:
            return (problem, nil)
        }
    }

    // MARK: Reader errors

    private func readerDiagnostic(_ state: yaml_parser_t) -> Diagnostic {
        let problem = string(state.problem) ?? "unreadable input"
        var offset = state.problem_offset
        let message: String
        if problem.contains("UTF-8") {
            // libyaml points at a bad trailing byte; the user knows the sequence by its first byte.
            if problem == "invalid trailing UTF-8 octet" { offset = text.sequenceStart(beforeByteOffset: offset) }
            message = "the text is not valid UTF-8 (\(problem))"
        } else if problem == "control characters are not allowed" {
            message = "\(characterName(state.problem_value)) is not allowed in YAML text"
        } else {
            message = problem
        }
        let position = text.position(ofByteOffset: offset)
        return .error(message, at: locations.location(line: position.line, column: position.column))
    }

    private func characterName(_ value: Int32) -> String {
        let hex = String(UInt32(bitPattern: value), radix: 16, uppercase: true)
        let codePoint = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return value == 0 ? "a NUL character (\(codePoint))" : "the control character \(codePoint)"
    }

    // MARK: Helpers

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        locations.location(line: mark.line, column: mark.column)
    }

    /// Whether the four hex digits of a `\\u` escape (libyaml marks the first digit) name a surrogate.
    private func isSurrogate(hexDigitsAt mark: yaml_mark_t) -> Bool {
        let digits = String(String.UnicodeScalarView(text.scalars(atCharacterIndex: mark.index, count: 4)))
        guard digits.count == 4, let value = UInt32(digits, radix: 16) else { return false }
        return (0xD800...0xDFFF).contains(value)
    }

    private func isSamePlace(_ lhs: yaml_mark_t, _ rhs: yaml_mark_t) -> Bool {
        lhs.line == rhs.line && lhs.column == rhs.column
    }

    private func quoted(_ character: Unicode.Scalar) -> String {
        character.properties.isWhitespace || character.value < 0x20
            ? "U+" + String(character.value, radix: 16, uppercase: true)
            : "'\(character)'"
    }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
