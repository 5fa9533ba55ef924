public struct MediaType: Sendable {
    public struct Encoding: Sendable {
        public var contentType: String?
        public var style: String?
        public var explode: Bool?

        public init(contentType: String? = nil, style: String? = nil, explode: Bool? = nil) {
            self.contentType = contentType
            self.style = style
            self.explode = explode
        }
    }

    public var schema: Referenceable<Schema>?
    public var encoding: OrderedMap<Encoding>
    public var source: SourceRef

    public init(schema: Referenceable<Schema>? = nil, encoding: OrderedMap<Encoding> = .init(), source: SourceRef) {
        self.schema = schema
        self.encoding = encoding
        self.source = source
    }
}
