/// The `argumentList` filter's rule: a list of arguments (or parameters) on one line when short,
/// else one per line, indented one level deeper than the line the list is on.
///
/// The decision is made on the rendered arguments themselves, so a template need not know how
/// wide its types and expressions are before writing them.
public enum ArgumentListLayout {
    /// The longest argument list (`a, b`, without the parentheses) kept on one line.
    public static let maximumInlineLength = 80
    /// How much deeper than the list's line wrapped arguments go.
    static let wrappedIndentation = 4

    /// `a, b`, or for a long list each argument on its own line `column + 4` spaces in, then a
    /// line break and `column` spaces, so the `)` written after the list lines up with the line
    /// the list started on.
    public static func layOut(_ arguments: [String], column: Int) -> String {
        let inline = arguments.joined(separator: ", ")
        guard width(of: inline) > maximumInlineLength else { return inline }
        let inner = String(repeating: " ", count: column + wrappedIndentation)
        var wrapped = "\n"
        for (index, argument) in arguments.enumerated() {
            if index > 0 { wrapped += ",\n" }
            wrapped += inner
            wrapped += argument
        }
        return wrapped + "\n" + String(repeating: " ", count: column)
    }

    /// The arguments in a filter's input: the strings of an array, or the non-blank lines of a
    /// string (each trimmed of surrounding whitespace), which is what a `{% capture %}` writing
    /// one argument per line gives.
    static func arguments(in value: TemplateValue) throws(TemplateFilterError) -> [String] {
        switch value {
        case .array(let items):
            var arguments: [String] = []
            for item in items {
                guard case .string(let text) = item else {
                    throw TemplateFilterError("expects an array of strings, got \(item.kindWithArticle) in it")
                }
                arguments.append(text)
            }
            return arguments
        case .string(let text):
            return nonBlankLines(of: text)
        default:
            throw TemplateFilterError("expects a string (one argument per line) or an array of strings, got \(value.kindName)")
        }
    }

    /// Characters, as `String.count` counts them; ASCII text (the usual case) is measured in bytes,
    /// without the grapheme breaking `count` does character by character.
    private static func width(of text: String) -> Int {
        text.utf8.allSatisfy { $0 < 0x80 } ? text.utf8.count : text.count
    }

    /// The lines of `text` split at `\n` bytes, without spaces, tabs and a `\r` at either end,
    /// blank ones left out. Bytes, not `Character`s: every character compared as a `Character`
    /// goes through a string comparison, and two lists are laid out per operation.
    private static func nonBlankLines(of text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var lines: [String] = []
            var lineStart = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count && bytes[lineEnd] != ASCII.newline { lineEnd += 1 }
                var first = lineStart
                var end = lineEnd
                while first < end && isPadding(bytes[first]) { first += 1 }
                while end > first && isPadding(bytes[end - 1]) { end -= 1 }
                if first < end { lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<end]), as: UTF8.self)) }
                lineStart = lineEnd + 1
            }
            return lines
        }
    }

    private static func isPadding(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }
}
