import KilnTemplates

/// Template filters that write Swift syntax safely, whatever text the spec contains.
enum SwiftSyntaxFilters {
    static let all: [String: TemplateFilter] = [
        "swiftString": { value, _ in .string(swiftStringLiteral(value.renderedText)) },
        "commentSafe": { value, _ in .string(commentSafe(value.renderedText)) },
        "docComment": { value, arguments in
            let indent = arguments.first.flatMap { if case .int(let count) = $0 { return count } else { return nil } } ?? 0
            return .string(docComment(value.renderedText, indent: indent))
        },
    ]

    /// A double-quoted literal; quotes, backslashes and control characters are escaped, so spec
    /// text can never end the literal early or start an interpolation.
    ///
    /// Hot (every raw value, key and example goes through here): the UTF-8 bytes are copied as
    /// they are, and only the lead bytes a bidi control can start with are decoded.
    static func swiftStringLiteral(_ text: String) -> String {
        var literal: [UInt8] = []
        literal.reserveCapacity(text.utf8.count + 2)
        literal.append(UInt8(ascii: "\""))
        forEachSpan(of: text) { bytes, scalar in
            guard let scalar else { return literal.append(contentsOf: bytes) }
            switch scalar {
            case "\"": literal.append(contentsOf: #"\""#.utf8)
            case "\\": literal.append(contentsOf: #"\\"#.utf8)
            case "\n": literal.append(contentsOf: #"\n"#.utf8)
            case "\r": literal.append(contentsOf: #"\r"#.utf8)
            case "\t": literal.append(contentsOf: #"\t"#.utf8)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || isBidiControl(scalar) {
                    appendEscape(of: scalar, to: &literal)
                } else {
                    literal.append(contentsOf: bytes)
                }
            }
        }
        literal.append(UInt8(ascii: "\""))
        return String(decoding: literal, as: UTF8.self)
    }

    /// Text for a `//` comment: line breaks and other control or bidi characters are written as
    /// `\u{…}` escapes, so spec text can neither end the comment nor disguise the code after it.
    static func commentSafe(_ text: String) -> String {
        var safe: [UInt8] = []
        safe.reserveCapacity(text.utf8.count)
        forEachSpan(of: text) { bytes, scalar in
            guard let scalar else { return safe.append(contentsOf: bytes) }
            if scalar.value < 0x20 || scalar.value == 0x7F || isBidiControl(scalar) || scalar == "\u{2028}" || scalar == "\u{2029}" {
                appendEscape(of: scalar, to: &safe)
            } else {
                safe.append(contentsOf: bytes)
            }
        }
        return String(decoding: safe, as: UTF8.self)
    }

    /// Calls `body` with the text's bytes in spans: a run that no caller escapes (printable ASCII
    /// but `"` and `\`, and non-ASCII sequences whose lead byte cannot begin a bidi control or a
    /// line/paragraph separator) with `nil`; any other ASCII byte, or a whole sequence led by 0xD8
    /// or 0xE2, with its scalar.
    private static func forEachSpan(of text: String, _ body: (UnsafeBufferPointer<UInt8>, Unicode.Scalar?) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                var end = index + 1
                if isPlain(lead) {
                    while end < bytes.count, isPlain(bytes[end]) { end += 1 }
                    body(UnsafeBufferPointer(rebasing: bytes[index..<end]), nil)
                } else if lead < 0x80 {
                    body(UnsafeBufferPointer(rebasing: bytes[index..<end]), Unicode.Scalar(lead))
                } else {
                    end = index + (lead == 0xD8 ? 2 : 3)
                    let sequence = UnsafeBufferPointer(rebasing: bytes[index..<end])
                    body(sequence, decodedScalar(sequence))
                }
                index = end
            }
        }
    }

    /// A byte copied as it is by every caller of `forEachSpan`.
    private static func isPlain(_ byte: UInt8) -> Bool {
        if byte < 0x80 { return byte >= 0x20 && byte != 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") }
        return byte != 0xD8 && byte != 0xE2
    }

    /// The scalar of one valid two- or three-byte UTF-8 sequence.
    private static func decodedScalar(_ bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar {
        var value = UInt32(bytes[0]) & (bytes.count == 2 ? 0x1F : 0x0F)
        for byte in bytes.dropFirst() { value = value << 6 | (UInt32(byte) & 0x3F) }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// `\u{…}` with the scalar's value in lowercase hexadecimal.
    private static func appendEscape(of scalar: Unicode.Scalar, to output: inout [UInt8]) {
        output.append(contentsOf: #"\u{"#.utf8)
        output.append(contentsOf: String(scalar.value, radix: 16).utf8)
        output.append(UInt8(ascii: "}"))
    }

    /// `///` lines; every line after the first is indented by `indent` spaces (the template indents the first).
    ///
    /// Hot: every documented declaration goes through here, so lines are scanned and copied as
    /// UTF-8 bytes and only rebuilt scalar by scalar in the rare case they hold a carriage return,
    /// a bidi control or trailing non-ASCII space.
    static func docComment(_ text: String, indent: Int) -> String {
        var text = text
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 16)
        text.withUTF8 { bytes in
            var lineStart = 0
            while true {
                let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                if lineStart > 0 {
                    output.append(UInt8(ascii: "\n"))
                    output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
                }
                appendDocLine(UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]), to: &output)
                guard lineEnd < bytes.count else { break }
                lineStart = lineEnd + 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// One `///` line without trailing whitespace (which editors and linters flag).
    private static func appendDocLine(_ line: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var end = line.count
        while end > 0, isASCIIWhitespace(line[end - 1]) { end -= 1 }
        if line.contains(where: mayStartUnsafeScalar) || (end > 0 && line[end - 1] >= 0x80) {
            appendFilteredDocLine(line, to: &output)
            return
        }
        output.append(contentsOf: (end == 0 ? "///" : "/// ").utf8)
        output.append(contentsOf: UnsafeBufferPointer(rebasing: line[..<end]))
    }

    /// The rare line with a carriage return, a bidi control or non-ASCII at its end: those two are
    /// dropped and trailing Unicode whitespace trimmed, scalar by scalar but into bytes (filtering a
    /// `UnicodeScalarView` rebuilt it at ~1,600 instructions a scalar).
    private static func appendFilteredDocLine(_ line: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var kept: [UInt8] = []
        kept.reserveCapacity(line.count)
        var endOfContent = 0
        for scalar in String(decoding: line, as: UTF8.self).unicodeScalars where !isBidiControl(scalar) && scalar != "\r" {
            kept.append(contentsOf: scalar.utf8)
            let isWhitespace = scalar.isASCII ? isASCIIWhitespace(UInt8(scalar.value)) : scalar.properties.isWhitespace
            if !isWhitespace { endOfContent = kept.count }
        }
        output.append(contentsOf: (endOfContent == 0 ? "///" : "/// ").utf8)
        output.append(contentsOf: kept[..<endOfContent])
    }

    /// Space, tab, vertical tab and form feed (line breaks never reach a line).
    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// The lines of `text` split at `\n` bytes: no grapheme breaking, which `split` on a String does.
    static func utf8Lines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        var start = text.utf8.startIndex
        var index = start
        while index != text.utf8.endIndex {
            if text.utf8[index] == UInt8(ascii: "\n") {
                lines.append(text[start..<index])
                start = text.utf8.index(after: index)
            }
            index = text.utf8.index(after: index)
        }
        lines.append(text[start..<text.utf8.endIndex])
        return lines
    }

    /// A carriage return, or the lead byte of a bidi control's UTF-8 encoding (U+061C, U+200E…).
    private static func mayStartUnsafeScalar(_ byte: UInt8) -> Bool {
        byte == 0x0D || byte == 0xD8 || byte == 0xE2
    }

    /// Bidirectional overrides could make source read differently than it compiles; never emit them.
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
            || scalar.value == 0x200E || scalar.value == 0x200F || scalar.value == 0x061C
    }
}

extension String {
    var trailingWhitespaceTrimmed: String {
        // Walks back to the last non-space scalar and slices once: rebuilding the string scalar by
        // scalar cost more than the rest of the documentation work together.
        let scalars = unicodeScalars
        var end = scalars.endIndex
        while end > scalars.startIndex {
            let previous = scalars.index(before: end)
            guard scalars[previous].properties.isWhitespace else { break }
            end = previous
        }
        return end == scalars.endIndex ? self : String(scalars[..<end])
    }
}
