import KilnDiagnostics

/// The parsed form of a template: text to copy and statements to run.
enum TemplateNode: Sendable {
    case text(String)
    /// `{{ expression }}`.
    case output(TemplateExpression)
    case conditional(Conditional)
    case loop(Loop)
    /// `{% set name = expression %}`.
    case assignment(name: String, value: TemplateExpression)
    case include(Include)

    /// `{% if %}…{% elif %}…{% else %}…{% endif %}`: the first truthy branch runs, else `elseBody`.
    struct Conditional: Sendable {
        struct Branch: Sendable {
            let condition: TemplateExpression
            let body: [TemplateNode]
        }

        let branches: [Branch]
        let elseBody: [TemplateNode]
    }

    /// `{% for value in iterable %}` or `{% for key, value in dictionary %}`, with `{% empty %}`.
    struct Loop: Sendable {
        /// `key` in `for key, value in …`; `nil` for a loop over an array.
        let keyName: String?
        let valueName: String
        let iterable: TemplateExpression
        let body: [TemplateNode]
        let emptyBody: [TemplateNode]
    }

    /// `{% include name with a=expression, b=expression %}`.
    struct Include: Sendable {
        let templateName: TemplateExpression
        let bindings: [(name: String, value: TemplateExpression)]
        /// The tag's location: not-found and recursion errors, and "included from here" notes.
        let location: SourceLocation
    }
}
