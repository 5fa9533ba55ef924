import KilnTemplates

/// One operation as the client templates see it: names, signature, request, responses and docs.
struct OperationView: TemplateViewModel {
    /// The convenience method's name, escaped where it is a keyword.
    var name: String
    var responseName: String
    var rawName: String
    /// `X` of `Operations.X`.
    var typeName: String
    var operationId: String
    var deprecated: Bool
    /// `createIdentity(body:)`, for DocC links and the README.
    var selector: String
    /// The description, the first paragraph of the doc comment.
    var doc: String?
    var example: UsageExampleView?
    /// The `- Parameters:` section of the doc comment; `nil` without parameters or body.
    var parametersDoc: String?
    /// The `- Returns:` line; `nil` when no success response has a body.
    var returnsDoc: String?
    /// The HTTP method and the path as documented.
    var method: String
    var path: String
    var arguments: ArgumentListView
    var forwarding: ForwardedArgumentListView
    var returnType: ReturnTypeView?
    /// Empty when the operation documents no success status: then any 2xx is success.
    var successCases: [SuccessCaseView]
    var validation: [ValidationCheckView]
    var request: RequestView
    /// The cases of `Operations.X.Body`; empty unless the operation accepts several media types.
    var bodyCases: [BodyCaseView]
    /// In the order a `switch` over the status tries them.
    var responseCases: [ResponseCaseView]
    var headerStructs: [HeadersView]
    var pages: PagesView?
    /// Methods asking for the success responses' other media types (`chatEventStream`).
    var alternativeMethods: [AlternativeMethodView] = []
    /// With alternative methods: `xRaw`'s arguments plus the `Accept` value, for the method they all call.
    var acceptingArguments: ArgumentListView?
    /// With alternative methods: the arguments passed on and the `Accept` of every documented type (`xRaw`'s).
    var forwardingAll: ForwardedArgumentListView?
    /// With alternative methods: the arguments passed on and the `Accept` of the convenience method's types.
    var forwardingPreferred: ForwardedArgumentListView?

    static let members: TemplateMembers<OperationView> = [
        .init("name", \.name), .init("responseName", \.responseName), .init("rawName", \.rawName),
        .init("typeName", \.typeName), .init("operationId", \.operationId), .init("deprecated", \.deprecated),
        .init("selector", \.selector), .init("doc", \.doc), .init("example", \.example), .init("parametersDoc", \.parametersDoc),
        .init("returnsDoc", \.returnsDoc), .init("method", \.method), .init("path", \.path), .init("arguments", \.arguments),
        .init("forwarding", \.forwarding), .init("returnType", \.returnType), .init("successCases", \.successCases),
        .init("validation", \.validation), .init("request", \.request), .init("bodyCases", \.bodyCases),
        .init("responseCases", \.responseCases), .init("headerStructs", \.headerStructs), .init("pages", \.pages),
        .init("alternativeMethods", \.alternativeMethods), .init("acceptingArguments", \.acceptingArguments),
        .init("forwardingAll", \.forwardingAll), .init("forwardingPreferred", \.forwardingPreferred),
        // A response streams: `xRaw` returns a `StreamedHTTPResponse`, and `Response` is not `Hashable`.
        .init("streams") { $0.request.streamsResponse },
        // The case for statuses the others do not match, if the operation documents one.
        .init("defaultResponseCase") { $0.responseCases.first { $0.statusKind == "default" } },
    ]
}
