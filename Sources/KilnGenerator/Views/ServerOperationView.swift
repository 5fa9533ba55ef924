import KilnTemplates

/// One operation as the server sees it: the handler method, the `Input` struct and its reading from
/// a request, and the writing of each `Response` case.
struct ServerOperationView: TemplateViewModel {
    var name: String
    var operationId: String
    var typeName: String
    /// `Operations.X`.
    var typePath: String
    var method: String
    var path: String
    /// The first line of the operation's documentation, which opens the handler's doc comment.
    var summary: String?
    /// Parameters and body in `Input.init`'s order: required path parameters, other required
    /// parameters, the body, optional parameters.
    var inputProperties: [ServerInputPropertyView]
    var body: BodyReadView?
    var responseCases: [ResponseWritingView]
    var headerWriters: [HeaderWriterView]

    static let members: TemplateMembers<ServerOperationView> = [
        .init("name") { $0.name }, .init("operationId") { $0.operationId }, .init("typeName") { $0.typeName },
        .init("typePath") { $0.typePath }, .init("method") { $0.method }, .init("path") { $0.path },
        .init("summary") { $0.summary }, .init("inputProperties") { $0.inputProperties }, .init("body") { $0.body },
        .init("responseCases") { $0.responseCases }, .init("headerWriters") { $0.headerWriters },
        // A streamed body is read whole before it is written: only then is writing the response `async`.
        .init("writesStreams") { $0.responseCases.contains(where: \.streams) },
    ]
}
