/// A path, query, header or cookie parameter.
public struct Parameter: Sendable {
    public enum Location: String, Sendable {
        case path, query, header, cookie
    }

    public var name: String
    public var location: Location
    public var description: String?
    public var required: Bool
    public var deprecated: Bool
    /// `style` as written; `nil` means the default for the location (form for query/cookie, simple otherwise).
    public var style: String?
    public var explode: Bool?
    public var allowReserved: Bool
    public var schema: Referenceable<Schema>?
    /// The alternative to `schema`: exactly one media type with its schema.
    public var content: OrderedMap<MediaType>
    public var source: SourceRef

    public init(
        name: String, location: Location, description: String? = nil, required: Bool = false,
        deprecated: Bool = false, style: String? = nil, explode: Bool? = nil, allowReserved: Bool = false,
        schema: Referenceable<Schema>? = nil, content: OrderedMap<MediaType> = .init(), source: SourceRef
    ) {
        self.name = name
        self.location = location
        self.description = description
        self.required = required
        self.deprecated = deprecated
        self.style = style
        self.explode = explode
        self.allowReserved = allowReserved
        self.schema = schema
        self.content = content
        self.source = source
    }
}
