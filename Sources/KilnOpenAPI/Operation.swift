/// One HTTP operation (`get`, `post`, …) of a path.
public struct Operation: Sendable {
    public var operationId: String?
    public var summary: String?
    public var description: String?
    public var tags: [String]
    public var parameters: [Referenceable<Parameter>]
    public var requestBody: Referenceable<RequestBody>?
    /// Responses keyed by status as written: `200`, `4XX`, `default`.
    public var responses: OrderedMap<Referenceable<Response>>
    /// `nil` inherits the document's security; `[]` means explicitly none.
    public var security: [SecurityRequirement]?
    public var deprecated: Bool
    public var source: SourceRef

    public init(
        operationId: String? = nil, summary: String? = nil, description: String? = nil, tags: [String] = [],
        parameters: [Referenceable<Parameter>] = [], requestBody: Referenceable<RequestBody>? = nil,
        responses: OrderedMap<Referenceable<Response>> = .init(), security: [SecurityRequirement]? = nil,
        deprecated: Bool = false, source: SourceRef
    ) {
        self.operationId = operationId
        self.summary = summary
        self.description = description
        self.tags = tags
        self.parameters = parameters
        self.requestBody = requestBody
        self.responses = responses
        self.security = security
        self.deprecated = deprecated
        self.source = source
    }
}
