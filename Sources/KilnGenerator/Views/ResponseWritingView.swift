import KilnIR
import KilnTemplates

/// A case of `Operations.X.Response` as the server writes it: the inverse of the client's decoding.
struct ResponseWritingView: TemplateViewModel {
    /// The case name after the dot.
    var member: String
    /// The status code for a documented code; `nil` for a range or `default`, which carry theirs.
    var statusCode: String?
    var hasBody: Bool
    var hasHeaders: Bool
    /// How the body is written (`json`, `text`, `bytes`), or `byteStream` (an `HTTPBody`) and
    /// `itemStream` (an event or record stream, written from the body it reads); `nil` without a body.
    var bodyCoding: String?
    /// The `Content-Type` to send when the coding's own would not do.
    var contentType: String?

    /// The body streams: it is read whole before the response is written.
    var streams: Bool { bodyCoding == Self.byteStream || bodyCoding == Self.itemStream }

    static let byteStream = "byteStream"
    static let itemStream = "itemStream"

    /// The coding of a streamed body: an `HTTPBody` as it is, events and records from the body they read.
    static func coding(of stream: IRResponseStream) -> String {
        stream.format == .bytes ? byteStream : itemStream
    }

    static let members: TemplateMembers<ResponseWritingView> = [
        .init("member") { $0.member }, .init("statusCode") { $0.statusCode }, .init("hasBody") { $0.hasBody },
        .init("hasHeaders") { $0.hasHeaders }, .init("bodyCoding") { $0.bodyCoding }, .init("contentType") { $0.contentType },
        .init("streams") { $0.streams },
    ]
}

/// The `write(to:)` of a response's headers struct.
struct HeaderWriterView: TemplateViewModel {
    /// The headers struct (`OkHeaders`).
    var name: String
    var headers: [HeaderWriteView]

    static let members: TemplateMembers<HeaderWriterView> = [.init("name") { $0.name }, .init("headers") { $0.headers }]
}

/// One header: its name on the wire and the struct's property holding it.
struct HeaderWriteView: TemplateViewModel {
    var name: String
    var property: String

    static let members: TemplateMembers<HeaderWriteView> = [.init("name") { $0.name }, .init("property") { $0.property }]
}
