import KilnDiagnostics

/// What `{% indent amount %}` accepts: a number of spaces, or the indentation text itself
/// (`{% indent "\t" %}`, `{% indent "/// " %}`).
enum IndentationAmount {
    /// The text to put before each line, or the reason `value` is not an indentation.
    static func text(for value: TemplateValue) -> Result<String, TemplateFilterError> {
        switch value {
        case .int(let spaces) where spaces >= 0 && spaces <= 1_000:
            return .success(String(repeating: " ", count: spaces))
        case .int(let spaces):
            return .failure(TemplateFilterError("'indent' needs 0 to 1000 spaces, got \(spaces)"))
        case .string(let text) where !text.contains("\n"):
            return .success(text)
        case .string:
            return .failure(TemplateFilterError("'indent' text must not contain a line break"))
        default:
            return .failure(TemplateFilterError("'indent' needs a number of spaces or a string, got \(value.kindName)"))
        }
    }

    /// Rejects a literal amount while parsing, so the mistake shows without rendering.
    static func validate(_ value: TemplateValue, at location: SourceLocation) throws(DiagnosticError) {
        if case .failure(let error) = text(for: value) {
            throw DiagnosticError(.error(error.message, at: location))
        }
    }
}
