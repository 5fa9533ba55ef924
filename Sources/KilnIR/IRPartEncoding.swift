/// How one property of a `multipart/form-data` body is sent, from the media type's `encoding`
/// object: the part's `Content-Type` (the first when the spec lists several) and its other headers.
public struct IRPartEncoding: Sendable, Hashable {
    /// The property's name as written in the schema, which is also the part's name.
    public var property: String
    public var contentType: String?
    /// Headers with the one value the spec allows them, in spec order.
    public var headers: [IRPartHeader]

    public init(property: String, contentType: String?, headers: [IRPartHeader] = []) {
        self.property = property
        self.contentType = contentType
        self.headers = headers
    }
}
