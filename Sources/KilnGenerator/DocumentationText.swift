import KilnIR

/// Composes the doc-comment text of a declaration from its documentation and facts about it.
enum DocumentationText {
    /// Examples longer than this are left out: a doc comment is not the place for a payload.
    static let maximumExampleLength = 120

    /// What the generated code does with a `default`, which its note says.
    enum DefaultUse {
        /// Documented only: not a property, or no literal of its type can spell it.
        case documented
        /// The memberwise initializer's argument default, of a required property.
        case initializer
        /// The initializer's argument default, of an optional property: decoding does not apply it.
        case initializerDecodingNil
    }

    static func make(_ documentation: IRDocumentation, notes: [String] = [], defaultUse: DefaultUse = .documented) -> String? {
        var paragraphs: [String] = []
        if let text = documentation.text { paragraphs.append(text) }
        var facts = notes
        if let defaultValue = documentation.defaultValue, let code = codeSpan(defaultValue) {
            switch defaultUse {
            case .documented: facts.append("Defaults to \(code).")
            case .initializer: facts.append("Defaults to \(code) (the initializer's default).")
            case .initializerDecodingNil:
                facts.append("Defaults to \(code) (the initializer's default; decoding leaves it `nil` when absent).")
            }
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
