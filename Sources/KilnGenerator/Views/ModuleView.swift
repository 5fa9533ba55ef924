import KilnTemplates

/// The described API as a whole: `{{ module.title }}` and the servers, for headers and docs.
struct ModuleView: TemplateViewModel {
    var title: String
    var version: String
    var doc: String?
    var servers: [ServerSummaryView]

    static let members: TemplateMembers<ModuleView> = [
        .init("title", \.title), .init("version", \.version), .init("doc", \.doc), .init("servers", \.servers),
    ]
}

/// One entry of the document's `servers`, as written.
struct ServerSummaryView: TemplateViewModel {
    var name: String
    var url: String
    var doc: String?

    static let members: TemplateMembers<ServerSummaryView> = [.init("name", \.name), .init("url", \.url), .init("doc", \.doc)]
}
