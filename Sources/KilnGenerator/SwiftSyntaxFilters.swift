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
    static func docComment(_ text: String, indent: Int) -> String {
        let padding = String(repeating: " ", count: indent)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let cleaned = String(String.UnicodeScalarView(line.unicodeScalars.filter { !isBidiControl($0) && $0 != "\r" }))
            let trimmed = cleaned.trailingWhitespaceTrimmed
            return trimmed.isEmpty ? "///" : "/// " + trimmed
        }
        return lines.joined(separator: "\n" + padding)
    }

    /// Bidirectional overrides could make source read differently than it compiles; never emit them.
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
            || scalar.value == 0x200E || scalar.value == 0x200F || scalar.value == 0x061C
    }
}

extension String {
    var trailingWhitespaceTrimmed: String {
        var scalars = unicodeScalars[...]
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
