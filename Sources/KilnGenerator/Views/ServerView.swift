import KilnTemplates

/// One server of the description: `Client.Servers.serverN`, and a function filling its variables.
struct ServerView: TemplateViewModel {
    var name: String
    /// The URL with every variable at its default.
    var url: String
    /// The URL as documented, with `{variable}` placeholders.
    var template: String
    var doc: String?
    var variables: [ServerVariableView]
    /// Whether the function's parameters go one per line.
    var argumentsWrap: Bool
    /// The `- Parameters:` section documenting the variables.
    var variablesDoc: String

    static let members: TemplateMembers<ServerView> = [
        .init("name", \.name), .init("url", \.url), .init("template", \.template), .init("doc", \.doc),
        .init("variables", \.variables), .init("argumentsWrap", \.argumentsWrap), .init("variablesDoc", \.variablesDoc),
    ]
}
