public struct SecurityScheme: Sendable {
    public enum Kind: String, Sendable {
        case apiKey, http, oauth2, openIdConnect, mutualTLS
    }

    public var kind: Kind
    public var description: String?
    /// apiKey: the header, query or cookie name.
    public var name: String?
    /// apiKey: `header`, `query` or `cookie`.
    public var location: String?
    /// http: `bearer`, `basic`, …
    public var scheme: String?
    public var bearerFormat: String?
    public var source: SourceRef

    public init(
        kind: Kind, description: String? = nil, name: String? = nil, location: String? = nil,
        scheme: String? = nil, bearerFormat: String? = nil, source: SourceRef
    ) {
        self.kind = kind
        self.description = description
        self.name = name
        self.location = location
        self.scheme = scheme
        self.bearerFormat = bearerFormat
        self.source = source
    }
}

/// One alternative of a `security` list: all the named schemes together.
public struct SecurityRequirement: Sendable {
    public struct Entry: Sendable {
        public var schemeName: String
        public var scopes: [String]
        /// Where the scheme name is written, so a dangling name can be reported there.
        public var source: SourceRef

        public init(schemeName: String, scopes: [String] = [], source: SourceRef) {
            self.schemeName = schemeName
            self.scopes = scopes
            self.source = source
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }
}
