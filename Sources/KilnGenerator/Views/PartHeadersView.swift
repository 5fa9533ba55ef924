import KilnTemplates

/// A multipart part's fixed headers, by the part's name: an entry of `setMultipartBody`'s `partHeaders`.
struct PartHeadersView: TemplateViewModel {
    var name: String
    var headers: [PartHeaderView]

    static let members: TemplateMembers<PartHeadersView> = [.init("name", \.name), .init("headers", \.headers)]
}
