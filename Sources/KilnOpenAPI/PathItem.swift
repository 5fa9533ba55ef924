/// The operations available on one path, plus parameters shared by all of them.
public struct PathItem: Sendable {
    public var summary: String?
    public var description: String?
    public var parameters: [Referenceable<Parameter>]
    /// Operations in document order.
    public var operations: [(method: HTTPMethod, operation: Operation)]
    public var source: SourceRef

    public init(
        summary: String? = nil, description: String? = nil, parameters: [Referenceable<Parameter>] = [],
        operations: [(method: HTTPMethod, operation: Operation)] = [], source: SourceRef
    ) {
        self.summary = summary
        self.description = description
        self.parameters = parameters
        self.operations = operations
        self.source = source
    }
}

public enum HTTPMethod: String, Sendable, CaseIterable {
    case get, put, post, delete, options, head, patch, trace
}
