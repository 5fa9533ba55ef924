/// The identity schema this app configures in Kratos, as a Swift type.
public struct AppTraits: Codable, Hashable, Sendable {
    public struct Name: Codable, Hashable, Sendable {
        public var first: String
        public var last: String?

        public init(first: String, last: String? = nil) {
            self.first = first
            self.last = last
        }
    }

    public var email: String
    public var name: Name?

    public init(email: String, name: Name? = nil) {
        self.email = email
        self.name = name
    }
}
