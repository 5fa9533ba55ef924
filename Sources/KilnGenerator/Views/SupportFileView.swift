import KilnTemplates

/// The model of a template whose output does not depend on the description (the runtime under
/// `Support/` and `Server/`): only the file context, for the header and the access modifier.
struct SupportFileView: TemplateViewModel {
    var file: FileContext
    /// Whether `URLSessionTransport` is emitted (`transports` lists `urlSession`); without it,
    /// `HTTPTransport.swift` holds the protocol and the request and response types alone.
    var includesURLSession = true

    static let members: TemplateMembers<SupportFileView> = FileContext.members(\.file) + [
        .init("includesURLSession", \.includesURLSession),
    ]
}
