import KilnTemplates

/// The model of `Client.swift.stencil`: the `Client`, its servers and its `Authentication`.
struct ClientFileView: TemplateViewModel {
    var file: FileContext
    var servers: [ServerView]
    var securitySchemes: [SecuritySchemeView]
    /// `Authentication.init`'s parameters: one optional credential per scheme.
    var authenticationArguments: ArgumentListView
    var hasBasicAuthentication: Bool
    /// Whether `URLSessionTransport` is emitted, and so `Client`'s default transport; else the
    /// default is `AsyncHTTPClientTransport`, the only transport emitted.
    var includesURLSession: Bool

    static let members: TemplateMembers<ClientFileView> = FileContext.members(\.file) + [
        .init("servers", \.servers), .init("securitySchemes", \.securitySchemes),
        .init("authenticationArguments", \.authenticationArguments), .init("hasBasicAuthentication", \.hasBasicAuthentication),
        .init("includesURLSession", \.includesURLSession),
    ]
}
