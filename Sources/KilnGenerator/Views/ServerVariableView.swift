import KilnTemplates

/// A variable of a templated server URL: a parameter of `Servers.serverN(…)`.
struct ServerVariableView: TemplateViewModel {
    /// The Swift parameter name, escaped where it is a keyword.
    var name: String
    /// `{name}`, as the URL template writes it.
    var placeholder: String
    var defaultValue: String
    /// The values the server allows; empty for any.
    var allowedValues: [String]

    static let members: TemplateMembers<ServerVariableView> = [
        .init("name", \.name), .init("placeholder", \.placeholder), .init("defaultValue", \.defaultValue),
        .init("allowedValues", \.allowedValues),
    ]
}
