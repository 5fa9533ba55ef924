import KilnTemplates

/// Everything `RequestStatements.stencil` needs to build and send one operation's request.
struct RequestView: TemplateViewModel {
    var operationId: String
    /// The HTTP method as sent (`GET`).
    var method: String
    /// The path template as documented (`/identities/{id}`).
    var path: String
    /// The `Accept` header, when it is not the runtime's default (`application/json`).
    var accept: String?
    var parameters: [RequestParameterView]
    var body: RequestBodyView?
    /// The operation's security alternatives, each a list of scheme names (`[]` for optional).
    var security: [[String]]
    /// The `Accept` header is the method's `accept` parameter: the operation's methods ask for different media types.
    var acceptsArgument = false
    /// The response is read as it arrives (`stream(…)`), not whole (`send(…)`): a documented response streams.
    var streamsResponse = false

    static let members: TemplateMembers<RequestView> = [
        .init("operationId", \.operationId), .init("method", \.method), .init("path", \.path), .init("accept", \.accept),
        .init("parameters", \.parameters), .init("body", \.body), .init("security", \.security),
        .init("streamsResponse", \.streamsResponse), .init("acceptsArgument", \.acceptsArgument),
        .init("isModified") { !$0.parameters.isEmpty || $0.body != nil },
    ]
}
