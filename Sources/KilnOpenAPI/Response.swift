public struct Response: Sendable {
    public var description: String
    public var headers: OrderedMap<Referenceable<Header>>
    public var content: OrderedMap<MediaType>
    public var source: SourceRef

    public init(
        description: String = "", headers: OrderedMap<Referenceable<Header>> = .init(),
        content: OrderedMap<MediaType> = .init(), source: SourceRef
    ) {
        self.description = description
        self.headers = headers
        self.content = content
        self.source = source
    }
}

public struct Header: Sendable {
    public var description: String?
    public var required: Bool
    public var deprecated: Bool
    public var schema: Referenceable<Schema>?
    public var source: SourceRef

    public init(description: String? = nil, required: Bool = false, deprecated: Bool = false, schema: Referenceable<Schema>? = nil, source: SourceRef) {
        self.description = description
        self.required = required
        self.deprecated = deprecated
        self.schema = schema
        self.source = source
    }
}
