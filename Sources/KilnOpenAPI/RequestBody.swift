public struct RequestBody: Sendable {
    public var description: String?
    public var required: Bool
    /// Media types in document order (`application/json`, `application/x-www-form-urlencoded`, …).
    public var content: OrderedMap<MediaType>
    public var source: SourceRef

    public init(description: String? = nil, required: Bool = false, content: OrderedMap<MediaType> = .init(), source: SourceRef) {
        self.description = description
        self.required = required
        self.content = content
        self.source = source
    }
}
