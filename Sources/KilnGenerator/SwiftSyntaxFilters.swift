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
    static func swiftStringLiteral(_ text: String) -> String {
        var literal = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": literal += "\\\""
            case "\\": literal += "\\\\"
            case "\n": literal += "\\n"
            case "\r": literal += "\\r"
            case "\t": literal += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || isBidiControl(scalar) {
                    literal += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    literal.unicodeScalars.append(scalar)
                }
            }
        }
        return literal + "\""
    }

    /// Text for a `//` comment: line breaks and other control or bidi characters are written as
    /// `\u{…}` escapes, so spec text can neither end the comment nor disguise the code after it.
    static func commentSafe(_ text: String) -> String {
        var safe = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || isBidiControl(scalar) || scalar == "\u{2028}" || scalar == "\u{2029}" {
                safe += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                safe.unicodeScalars.append(scalar)
            }
        }
        return safe
    }

    /// `///` lines; every line after the first is indented by `indent` spaces (the template indents the first).
    ///
    /// Hot: every documented declaration goes through here, so lines are scanned as UTF-8 bytes and
    /// only rebuilt scalar by scalar in the rare case they hold a carriage return or a bidi control.
    static func docComment(_ text: String, indent: Int) -> String {
        let padding = String(repeating: " ", count: indent)
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        var isFirstLine = true
        for rawLine in utf8Lines(text) {
            if !isFirstLine {
                result += "\n"
                result += padding
            }
            isFirstLine = false
            var line = rawLine
            if line.utf8.contains(where: mayStartUnsafeScalar) {
                line = Substring(String(String.UnicodeScalarView(line.unicodeScalars.filter { !isBidiControl($0) && $0 != "\r" })))
            }
            while let last = line.unicodeScalars.last, last.properties.isWhitespace {
                line = line.dropLast()
            }
            result += line.isEmpty ? "///" : "/// "
            result += line
        }
        return result
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
