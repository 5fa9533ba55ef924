import KilnDiagnostics

/// Everything the generator needs to emit one Swift module, with every name already decided.
public struct IRModule: Sendable {
    public var title: String
    public var version: String
    public var description: String?
    /// `servers` entries, first is the default.
    public var servers: [IRServer]
    /// Top-level types in a deterministic order (components in document order, then inline types).
    public var types: [IRType]
    /// Operations in document order (paths, then methods as written).
    public var operations: [IROperation]
    public var securitySchemes: [IRSecurityScheme]

    public init(
        title: String, version: String, description: String?, servers: [IRServer], types: [IRType],
        operations: [IROperation], securitySchemes: [IRSecurityScheme]
    ) {
        self.title = title
        self.version = version
        self.description = description
        self.servers = servers
        self.types = types
        self.operations = operations
        self.securitySchemes = securitySchemes
    }
}

public struct IRServer: Sendable, Hashable {
    public var url: String
    public var description: String?

    public init(url: String, description: String?) {
        self.url = url
        self.description = description
    }
}
