import KilnIR

/// Composes the doc-comment text of a declaration from its documentation and facts about it.
enum DocumentationText {
    /// Examples longer than this are left out: a doc comment is not the place for a payload.
    static let maximumExampleLength = 120

    static func make(_ documentation: IRDocumentation, notes: [String] = []) -> String? {
        var paragraphs: [String] = []
        if let text = documentation.text { paragraphs.append(text) }
        var facts = notes
        if let defaultValue = documentation.defaultValue, let code = codeSpan(defaultValue) {
            facts.append("Defaults to \(code).")
        }
        if let example = documentation.example, example.count <= maximumExampleLength, let code = codeSpan(example) {
            facts.append("Example: \(code).")
        }
        if !facts.isEmpty { paragraphs.append(facts.joined(separator: " ")) }
        if documentation.deprecated { paragraphs.append("- Note: Deprecated.") }
        return paragraphs.isEmpty ? nil : paragraphs.joined(separator: "\n\n")
    }

    /// A Markdown code span that survives backticks inside the text; `nil` for multi-line text.
    private static func codeSpan(_ text: String) -> String? {
        guard !text.contains("\n") else { return nil }
        let fence = text.contains("`") ? "``" : "`"
        let padding = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
        return fence + padding + text + padding + fence
    }
}
