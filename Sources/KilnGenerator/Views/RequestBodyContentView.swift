import KilnIR
import KilnTemplates

/// One media type a request body is sent as: its coding and, where the runtime would not send
/// it anyway, the media type as written.
struct RequestBodyContentView: TemplateViewModel {
    /// The case of `Operations.X.Body` holding it, as written after a dot.
    var caseMember: String
    /// `json`, `urlEncodedForm`, `multipartForm`, `bytes` or `text`.
    var coding: String
    var contentType: String?

    static let members: TemplateMembers<RequestBodyContentView> = [
        .init("caseMember", \.caseMember), .init("coding", \.coding), .init("contentType", \.contentType),
    ]

    init(_ content: IRRequestBody.Content) {
        caseMember = SwiftNaming.memberReference(content.caseName)
        coding = content.coding.name
        contentType = content.coding.explicitContentType(for: content.mediaType)
    }
}
