/// A header a multipart part is sent with: one of the `encoding` object's `headers`, whose schema
/// fixes its value (`const`, a single `enum` value, or `default`).
public struct IRPartHeader: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
