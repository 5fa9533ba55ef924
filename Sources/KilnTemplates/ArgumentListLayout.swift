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
        guard inline.count > maximumInlineLength else { return inline }
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
            return text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).compactMap { line in
                let trimmed = line.trimmingSpaces
                return trimmed.isEmpty ? nil : String(trimmed)
            }
        default:
            throw TemplateFilterError("expects a string (one argument per line) or an array of strings, got \(value.kindName)")
        }
    }
}

extension Substring {
    /// Without the spaces and tabs at either end.
    fileprivate var trimmingSpaces: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return self[start...end]
    }
}
