/// Rewrites JSON-style UTF-16 surrogate-pair escapes (`"\ud83d\ude00"`) so libyaml accepts them.
///
/// libyaml implements YAML 1.1, where a `\u` escape must be a whole character, so it rejects a
/// surrogate pair, yet JSON writers emit one for every character outside the BMP (Python's
/// `json.dumps` does by default). Inside double-quoted scalars each valid pair becomes the
/// equivalent YAML escape `\U0001F600`, and the `LocationMap` learns where columns shifted.
/// Only quoted scalars are touched: in any other context the same text is literal.
struct SurrogateEscapeRewriter {
    private(set) var text: [UInt8]
    private(set) var locationMap: LocationMap

    init(_ text: UnsafeBufferPointer<UInt8>, file: String) {
        self.text = Array(text)
        self.locationMap = LocationMap(file: file)
    }

    /// For a plain JSON text (strings, numbers, literals, punctuation, whitespace and nothing else,
    /// so every `"` really starts a string) rewrites the pairs in all strings in one pass.
    /// Returns false, changing nothing, for other texts or when there was nothing to rewrite.
    mutating func rewriteJSONStrings() -> Bool {
        var cursor = Cursor()
        var changed = false
        var isJSON = true
        let source = text  // a separate value: the closure mutates `self` (the location map)
        source.withUnsafeBufferPointer { bytes in
            cursor.output.reserveCapacity(bytes.count)
            var offset = 0
            while offset < bytes.count {
                if bytes[offset] == UInt8(ascii: "\"") {
                    offset = copyQuoted(bytes, from: offset, cursor: &cursor, changed: &changed)
                } else if Self.jsonTokenBytes.contains(bytes[offset]) {
                    offset = cursor.copyCharacter(bytes, at: offset)
                } else {
                    isJSON = false
                    return
                }
            }
        }
        guard isJSON, changed else { return false }
        text = cursor.output
        return true
    }

    /// Rewrites the pairs in the double-quoted scalar whose opening quote libyaml marked at this
    /// 0-based character index, line and column. Returns false if there was nothing to rewrite.
    mutating func rewriteQuotedScalar(at start: QuotedScalarStart) -> Bool {
        var cursor = Cursor(line: start.line, column: start.column)
        var changed = false
        let source = text  // a separate value: the closure mutates `self` (the location map)
        source.withUnsafeBufferPointer { bytes in
            guard let offset = UTF8TextLocator(bytes).byteOffset(ofCharacterIndex: start.index),
                  bytes[offset] == UInt8(ascii: "\"")
            else { return }
            cursor.output = Array(bytes[..<offset])
            let end = copyQuoted(bytes, from: offset, cursor: &cursor, changed: &changed)
            cursor.output.append(contentsOf: bytes[end...])
        }
        guard changed else { return false }
        text = cursor.output
        return true
    }

    /// Where libyaml found the quoted scalar holding an escape it could not decode.
    struct QuotedScalarStart {
        var index: Int
        var line: Int
        var column: Int
    }

    /// Copies the double-quoted scalar opening at `start`, rewriting pairs; returns the offset past
    /// its closing quote (or the end of the text if it is unclosed).
    private mutating func copyQuoted(
        _ bytes: UnsafeBufferPointer<UInt8>,
        from start: Int,
        cursor: inout Cursor,
        changed: inout Bool
    ) -> Int {
        var offset = cursor.copyCharacter(bytes, at: start)
        while offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: "\""):
                return cursor.copyCharacter(bytes, at: offset)
            case UInt8(ascii: "\\"):
                if let scalar = Self.surrogatePair(bytes, at: offset) {
                    cursor.append(Array("\\U\(Self.hex(scalar.value, digits: 8))".utf8))
                    locationMap.recordRewrite(line: cursor.line, endColumn: cursor.column)
                    changed = true
                    offset += 12
                } else {
                    // Copy the escaped character too, so `\"` and `\\` cannot end or start anything.
                    offset = cursor.copyCharacter(bytes, at: offset)
                    if offset < bytes.count { offset = cursor.copyCharacter(bytes, at: offset) }
                }
            default:
                offset = cursor.copyCharacter(bytes, at: offset)
            }
        }
        return offset
    }

    /// The character escaped as `\uHHHH\uHHHH` (high then low surrogate) at `offset`, if any.
    private static func surrogatePair(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Unicode.Scalar? {
        guard let high = unicodeEscape(bytes, at: offset), (0xD800...0xDBFF).contains(high),
              let low = unicodeEscape(bytes, at: offset + 6), (0xDC00...0xDFFF).contains(low)
        else { return nil }
        return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    }

    /// The value of a `\uHHHH` escape at `offset`, if one is there.
    private static func unicodeEscape(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt32? {
        guard offset + 6 <= bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
            return nil
        }
        var value: UInt32 = 0
        for byte in bytes[(offset + 2)..<(offset + 6)] {
            guard let digit = hexDigitValue(byte) else { return nil }
            value = value << 4 | digit
        }
        return value
    }

    private static func hexDigitValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// Bytes that may appear outside strings in JSON: punctuation, whitespace, numbers, true/false/null.
    private static let jsonTokenBytes = Set("{}[],: \t\r\n0123456789+-.eEtruefalsn".utf8)
}

extension SurrogateEscapeRewriter {
    /// The rewritten text being built, with the 0-based line and column (in characters) at its end.
    struct Cursor {
        var output: [UInt8] = []
        var line = 0
        var column = 0

        init(line: Int = 0, column: Int = 0) {
            self.line = line
            self.column = column
        }

        /// Copies one character (a whole line break counts as one) and returns the offset after it.
        mutating func copyCharacter(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
            if let breakLength = UTF8TextLocator(bytes).lineBreakLength(at: offset) {
                output.append(contentsOf: bytes[offset..<min(offset + breakLength, bytes.count)])
                line += 1
                column = 0
                return offset + breakLength
            }
            output.append(bytes[offset])
            if !UTF8TextLocator.isContinuationByte(bytes[offset]) { column += 1 }
            return offset + 1
        }

        /// Appends ASCII text on the current line.
        mutating func append(_ ascii: [UInt8]) {
            output.append(contentsOf: ascii)
            column += ascii.count
        }
    }
}
