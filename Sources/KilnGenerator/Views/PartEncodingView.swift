import KilnTemplates

/// A multipart part's `Content-Type`, by the part's name: an entry of `setMultipartBody`'s table.
struct PartEncodingView: TemplateViewModel {
    var name: String
    var contentType: String

    static let members: TemplateMembers<PartEncodingView> = [.init("name", \.name), .init("contentType", \.contentType)]
}
