/// Rewrites JSON-style UTF-16 surrogate-pair escapes (`"\ud83d\ude00"`) so libyaml accepts them.
///
/// libyaml implements YAML 1.1, where a `\u` escape must be a whole character, so it rejects a
/// surrogate pair, yet JSON writers emit one for every character outside the BMP (Python's
/// `json.dumps` does by default). Inside double-quoted scalars each valid pair becomes the
/// equivalent YAML escape `\U0001F600`, and the `LocationMap` learns where columns shifted.
/// Only double-quoted scalars are touched: in every other context the same text is literal.
///
/// Which scalars are double-quoted is libyaml's call, not a guess: `sanitized(_:)` gives a copy
/// with every pair replaced by a harmless escape of the same length (so the token structure and
/// all marks are unchanged), which `LibYAMLQuotedScalarScanner` then tokenizes.
struct SurrogateEscapeRewriter {
    private(set) var text: [UInt8]
    private(set) var locationMap: LocationMap

    init(_ text: UnsafeBufferPointer<UInt8>, file: String) {
        self.text = Array(text)
        self.locationMap = LocationMap(file: file)
    }

    /// A copy of `text` with every `\uHHHH\uHHHH` surrogate pair (wherever it is) replaced by
    /// `\u0041\u0041`, which is valid in double quotes and lexically alike elsewhere; nil if
    /// the text has no pair.
    static func sanitized(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var copy: [UInt8]?
        var offset = 0
        while offset < text.count {
            guard text[offset] == UInt8(ascii: "\\"), surrogatePair(text, at: offset) != nil else {
                offset += 1
                continue
            }
            if copy == nil { copy = Array(text) }
            copy?.replaceSubrange(offset..<(offset + pairLength), with: Array(#"\u0041\u0041"#.utf8))
            offset += pairLength
        }
        return copy
    }

    /// Rewrites the pairs in the double-quoted scalars whose opening quotes are at these ascending
    /// 0-based character indices (libyaml's `mark.index`). Returns false if nothing changed.
    mutating func rewriteQuotedScalars(at starts: [Int]) -> Bool {
        var cursor = Cursor()
        var changed = false
        let source = text  // a separate value: the closure mutates `self` (the location map)
        source.withUnsafeBufferPointer { bytes in
            cursor.output.reserveCapacity(bytes.count)
            var pending = starts[...]
            var offset = 0
            while offset < bytes.count {
                while let start = pending.first, start < cursor.index { pending.removeFirst() }
                if pending.first == cursor.index, bytes[offset] == UInt8(ascii: "\"") {
                    pending.removeFirst()
                    offset = copyQuoted(bytes, from: offset, cursor: &cursor, changed: &changed)
                } else {
                    offset = cursor.copyCharacter(bytes, at: offset)
                }
            }
        }
        guard changed else { return false }
        text = cursor.output
        return true
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
                    cursor.appendRewrite(Array("\\U\(Self.hex(scalar.value, digits: 8))".utf8), replacing: Self.pairLength)
                    locationMap.recordRewrite(line: cursor.line, endColumn: cursor.column)
                    changed = true
                    offset += Self.pairLength
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

    /// `\uHHHH\uHHHH`
    private static let pairLength = 12

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
}

extension SurrogateEscapeRewriter {
    /// The rewritten text being built: the input character index reached (counted like libyaml's
    /// `mark.index`) and the 0-based line and column (in characters) at the end of the output.
    struct Cursor {
        var output: [UInt8] = []
        private(set) var index = 0
        private(set) var line = 0
        private(set) var column = 0

        /// Copies one character (a whole line break counts as one) and returns the offset after it.
        mutating func copyCharacter(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
            if let breakLength = UTF8TextLocator(bytes).lineBreakLength(at: offset) {
                let lineBreak = bytes[offset..<(offset + breakLength)]
                output.append(contentsOf: lineBreak)
                index += lineBreak.count { !UTF8TextLocator.isContinuationByte($0) }  // CR LF is two
                line += 1
                column = 0
                return offset + breakLength
            }
            output.append(bytes[offset])
            if !UTF8TextLocator.isContinuationByte(bytes[offset]) {
                index += 1
                column += 1
            }
            return offset + 1
        }

        /// Appends ASCII text on the current line in place of `inputLength` ASCII input characters.
        mutating func appendRewrite(_ ascii: [UInt8], replacing inputLength: Int) {
            output.append(contentsOf: ascii)
            index += inputLength
            column += ascii.count
        }
    }
}
