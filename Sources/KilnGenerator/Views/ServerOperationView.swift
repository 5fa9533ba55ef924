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
    var handlerDoc: String
    var inputDoc: String
    var inputProperties: [ServerInputPropertyView]
    /// Whether `Input.init`'s parameters go one per line.
    var wrapsInitArguments: Bool
    var body: BodyReadView?
    /// The arguments of `self.init(…)` reading the request, laid out (issue #13: still built in Swift).
    var readArguments: String
    var responseCases: [ResponseWritingView]
    var headerWriters: [HeaderWriterView]

    static let members: TemplateMembers<ServerOperationView> = [
        .init("name") { $0.name }, .init("operationId") { $0.operationId }, .init("typeName") { $0.typeName },
        .init("typePath") { $0.typePath }, .init("method") { $0.method }, .init("path") { $0.path },
        .init("handlerDoc") { $0.handlerDoc }, .init("inputDoc") { $0.inputDoc },
        .init("inputProperties") { $0.inputProperties }, .init("wrapsInitArguments") { $0.wrapsInitArguments },
        .init("body") { $0.body }, .init("readArguments") { $0.readArguments },
        .init("responseCases") { $0.responseCases }, .init("headerWriters") { $0.headerWriters },
    ]
}
