public struct MediaType: Sendable {
    public struct Encoding: Sendable {
        public var contentType: String?
        /// Headers of the part, besides `Content-Type` (which `contentType` says).
        public var headers: OrderedMap<Referenceable<Header>>
        public var style: String?
        public var explode: Bool?

        public init(
            contentType: String? = nil, headers: OrderedMap<Referenceable<Header>> = .init(), style: String? = nil,
            explode: Bool? = nil
        ) {
            self.contentType = contentType
            self.headers = headers
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
