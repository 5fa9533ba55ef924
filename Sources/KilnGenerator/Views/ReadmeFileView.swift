import KilnTemplates

/// The model of `README.md.stencil`: the generated module's front page.
struct ReadmeFileView: TemplateViewModel {
    var file: FileContext
    var groups: [ReadmeGroupView]
    var models: [ReadmeModelView]
    /// The URL the getting-started snippet connects to.
    var serverURL: String
    var includesServer: Bool
    /// The API's description, title and version, made safe for one Markdown line each.
    var summary: String?
    var title: String
    var version: String

    static let members: TemplateMembers<ReadmeFileView> = FileContext.members(\.file) + [
        .init("groups", \.groups), .init("models", \.models), .init("serverURL", \.serverURL),
        .init("includesServer", \.includesServer), .init("summary", \.summary), .init("title", \.title), .init("version", \.version),
    ]
}
