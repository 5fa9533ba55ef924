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
    /// A multipart body's parts with a `Content-Type` of their own.
    var partEncodings: [PartEncodingView]
    /// A multipart body's parts with headers of their own.
    var partHeaders: [PartHeadersView]

    static let members: TemplateMembers<RequestBodyContentView> = [
        .init("caseMember", \.caseMember), .init("coding", \.coding), .init("contentType", \.contentType),
        .init("partEncodings", \.partEncodings), .init("partHeaders", \.partHeaders),
    ]

    init(_ content: IRRequestBody.Content) {
        caseMember = SwiftNaming.memberReference(content.caseName)
        coding = content.coding.name
        contentType = content.coding.explicitContentType(for: content.mediaType)
        partEncodings = content.partEncodings.compactMap { part in
            part.contentType.map { PartEncodingView(name: part.property, contentType: $0) }
        }
        partHeaders = content.partEncodings.filter { !$0.headers.isEmpty }.map { part in
            PartHeadersView(name: part.property, headers: part.headers.map(PartHeaderView.init))
        }
    }
}
