import KilnDiagnostics

/// `{% macro name(a, b) %}…{% endmacro %}`: a named piece of template with parameters, called
/// with `{% call name(x, y) %}`.
///
/// A macro's body sees its parameters and the render's context (the model's members), not the
/// caller's loop variables or `set`s: what it uses is in its parameter list, so a call can be
/// checked, and moved, on its own.
final class TemplateMacro: Sendable {
    let name: String
    let parameters: [String]
    let body: [TemplateNode]
    /// The `macro` tag's location.
    let location: SourceLocation
    /// The template it is written in, whose macros (own and imported) its body can call.
    let templateName: String

    init(name: String, parameters: [String], body: [TemplateNode], location: SourceLocation, templateName: String) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.location = location
        self.templateName = templateName
    }
}
