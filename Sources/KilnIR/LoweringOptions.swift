/// User choices that change the IR: names, user-supplied types, and which operations to keep.
public struct LoweringOptions: Sendable, Hashable {
    /// Component schema name → the Swift type name to use instead of the derived one.
    public var typeNames: [String: String]
    /// A type the user provides instead of a generated one, keyed by component schema name
    /// (`identityTraits`: the module declares `typealias IdentityTraits = UserType`) or by
    /// `schema.property` (`identity.traits`: that property gets the user's type). The type must
    /// be `Codable`, `Hashable` and `Sendable`.
    public var typeOverrides: [String: String]
    /// operationId → the Swift method name to use instead of the derived one.
    public var operationNames: [String: String]
    public var operationFilter: OperationFilter
    /// Operations that page although the spec documents no `Link` header; `nil`: only documented ones.
    public var pagination: PaginationOptions?
    /// Event data that ends a server-sent event stream (`[DONE]`), from `eventStreams.terminator`;
    /// `nil`: a stream ends when the server closes it.
    public var eventStreamTerminator: String?

    public init(
        typeNames: [String: String] = [:], typeOverrides: [String: String] = [:],
        operationNames: [String: String] = [:], operationFilter: OperationFilter = OperationFilter(),
        pagination: PaginationOptions? = nil, eventStreamTerminator: String? = nil
    ) {
        self.typeNames = typeNames
        self.typeOverrides = typeOverrides
        self.operationNames = operationNames
        self.operationFilter = operationFilter
        self.pagination = pagination
        self.eventStreamTerminator = eventStreamTerminator
    }
}

/// Which operations to generate, by tag and by operationId. Empty include lists include everything.
public struct OperationFilter: Sendable, Hashable {
    public var includeTags: Set<String>
    public var excludeTags: Set<String>
    public var includeOperations: Set<String>
    public var excludeOperations: Set<String>

    public init(
        includeTags: Set<String> = [], excludeTags: Set<String> = [],
        includeOperations: Set<String> = [], excludeOperations: Set<String> = []
    ) {
        self.includeTags = includeTags
        self.excludeTags = excludeTags
        self.includeOperations = includeOperations
        self.excludeOperations = excludeOperations
    }

    public func includes(_ operation: IROperation) -> Bool {
        let tags: Set<String> = operation.tag.map { [$0] } ?? []
        if excludeOperations.contains(operation.operationId) || !excludeTags.isDisjoint(with: tags) { return false }
        if includeTags.isEmpty && includeOperations.isEmpty { return true }
        return includeOperations.contains(operation.operationId) || !includeTags.isDisjoint(with: tags)
    }
}
