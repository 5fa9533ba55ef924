import KilnTemplates

/// How `init(request:)` reads one parameter: the inverse of the client's statement setting it
/// (`addQuery`, `setPath`, `setHeader`, `addCookie`). `Server.Operations.swift.stencil`'s
/// `readParameter` macro writes the expression.
struct ServerParameterReadView: TemplateViewModel {
    /// The `self.init` argument label: the Swift name, unescaped (labels may be keywords).
    var label: String
    /// The name in the request, as the spec spells it.
    var name: String
    /// `path`, `query`, `header` or `cookie`.
    var location: String
    /// The serialization style, only when it is not the location's default.
    var style: String?
    /// `explode`, only when it is not the style's default.
    var explode: Bool?
    /// Whether the value (or an array's element) has a parameter text of its own (`ParameterValue`:
    /// builtins and enums); other types are read as JSON and take no style.
    var isTextual: Bool
    var isRequired: Bool

    static let members: TemplateMembers<ServerParameterReadView> = [
        .init("label") { $0.label }, .init("name") { $0.name }, .init("location") { $0.location },
        .init("style") { $0.style }, .init("explode") { $0.explode }, .init("isTextual") { $0.isTextual },
        .init("isRequired") { $0.isRequired },
    ]
}
