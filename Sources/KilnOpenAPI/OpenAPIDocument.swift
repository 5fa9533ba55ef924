internal import KilnYAML

/// An OpenAPI 3.0.x or 3.1.x document, decoded from a YAML/JSON node tree.
public struct OpenAPIDocument: Sendable {
    /// The `openapi` field, e.g. `3.0.3`.
    public var version: String
    public var info: Info
    public var servers: [Server]
    /// Paths in document order, keyed by the path template (`/identities/{id}`).
    public var paths: OrderedMap<PathItem>
    public var components: Components
    /// Document-wide security; an operation's own `security` replaces it.
    public var security: [SecurityRequirement]?
    public var tags: [Tag]
    public var source: SourceRef
    /// The document's file as named in diagnostics.
    public var file: String

    public init(
        version: String, info: Info, servers: [Server] = [], paths: OrderedMap<PathItem> = .init(),
        components: Components = .init(), security: [SecurityRequirement]? = nil, tags: [Tag] = [],
        source: SourceRef, file: String
    ) {
        self.version = version
        self.info = info
        self.servers = servers
        self.paths = paths
        self.components = components
        self.security = security
        self.tags = tags
        self.source = source
        self.file = file
    }

    /// True for 3.1.x documents, whose schemas are JSON Schema 2020-12 (type arrays, `const`, …).
    public var isVersion31: Bool { version.hasPrefix("3.1") }
}

public struct Info: Sendable {
    public var title: String
    public var version: String
    public var summary: String?
    public var description: String?

    public init(title: String, version: String, summary: String? = nil, description: String? = nil) {
        self.title = title
        self.version = version
        self.summary = summary
        self.description = description
    }
}

public struct Tag: Sendable {
    public var name: String
    public var description: String?

    public init(name: String, description: String? = nil) {
        self.name = name
        self.description = description
    }
}
