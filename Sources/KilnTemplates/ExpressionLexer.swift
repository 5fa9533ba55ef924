import KilnDiagnostics

/// Splits the inside of a tag into `ExpressionToken`s, each with its own location, so an error
/// points at the exact name or operator rather than at the tag.
struct ExpressionLexer {
    private let bytes: ArraySlice<UInt8>
    private var tracker: LocationTracker
    private var index: Int
    private var tokens: [ExpressionToken] = []

    static func tokenize(_ content: TagContent) throws(DiagnosticError) -> [ExpressionToken] {
        var lexer = ExpressionLexer(content)
        try lexer.run()
        return lexer.tokens
    }

    private init(_ content: TagContent) {
        bytes = content.bytes
        tracker = LocationTracker(bytes: content.bytes, start: content.contentLocation)
        index = content.bytes.startIndex
    }

    private mutating func run() throws(DiagnosticError) {
        while index < bytes.endIndex {
            let byte = bytes[index]
            if ASCII.isWhitespace(byte) {
                index += 1
                continue
            }
            let location = tracker.location(at: index)
            let kind = try readToken(startingWith: byte, at: location)
            tokens.append(ExpressionToken(kind: kind, location: location))
        }
    }

    private mutating func readToken(startingWith byte: UInt8, at location: SourceLocation) throws(DiagnosticError) -> ExpressionToken.Kind {
        if ASCII.isIdentifierStart(byte) {
            return .identifier(readWhile(ASCII.isIdentifierContinuation))
        }
        if ASCII.isDigit(byte) || (byte == ASCII.dash && index + 1 < bytes.endIndex && ASCII.isDigit(bytes[index + 1])) {
            return try readInteger(at: location)
        }
        if byte == ASCII.doubleQuote || byte == ASCII.singleQuote {
            return .string(try readString(at: location))
        }
        if let symbol = readSymbol() {
            return .symbol(symbol)
        }
        let character = String(decoding: bytes[index...], as: UTF8.self).first.map(String.init) ?? ""
        throw DiagnosticError(.error("unexpected character '\(character)' in expression", at: location))
    }

    private mutating func readWhile(_ predicate: (UInt8) -> Bool) -> String {
        let start = index
        while index < bytes.endIndex && predicate(bytes[index]) { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// A decimal integer, optionally negative. There is no arithmetic, so `-` before a digit is
    /// always a sign.
    private mutating func readInteger(at location: SourceLocation) throws(DiagnosticError) -> ExpressionToken.Kind {
        let start = index
        index += 1
        _ = readWhile(ASCII.isDigit)
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Int(text) else {
            throw DiagnosticError(.error("integer literal '\(text)' is out of range", at: location))
        }
        return .integer(value)
    }

    /// A string in single or double quotes with `\"`, `\'`, `\\`, `\n` and `\t` escapes.
    private mutating func readString(at location: SourceLocation) throws(DiagnosticError) -> String {
        let quote = bytes[index]
        index += 1
        var value: [UInt8] = []
        while index < bytes.endIndex, bytes[index] != quote, bytes[index] != ASCII.newline {
            if bytes[index] == ASCII.backslash {
                value.append(try readEscape())
            } else {
                value.append(bytes[index])
                index += 1
            }
        }
        guard index < bytes.endIndex, bytes[index] == quote else {
            throw DiagnosticError(.error("unterminated string literal", at: location))
        }
        index += 1
        return String(decoding: value, as: UTF8.self)
    }

    private mutating func readEscape() throws(DiagnosticError) -> UInt8 {
        let location = tracker.location(at: index)
        let escaped = index + 1 < bytes.endIndex ? bytes[index + 1] : 0
        index += 2
        switch escaped {
        case ASCII.doubleQuote, ASCII.singleQuote, ASCII.backslash: return escaped
        case UInt8(ascii: "n"): return ASCII.newline
        case UInt8(ascii: "t"): return 0x09
        default:
            let shown = escaped != 0 && escaped < 0x80 ? String(UnicodeScalar(escaped)) : ""
            throw DiagnosticError(.error("unknown escape sequence '\\\(shown)' in string literal", at: location))
        }
    }

    private mutating func readSymbol() -> ExpressionSymbol? {
        for (symbol, spelling) in ExpressionSymbol.spellings where bytes[index...].starts(with: spelling) {
            index += spelling.count
            return symbol
        }
        return nil
    }
}
