/// A YAML mapping in document order, with lookup by string key.
///
/// Order is kept because generated code follows the spec's order (stable, reviewable diffs).
/// For a duplicated key the last value wins for lookup (as in JSON parsers); the parser warns.
public struct YAMLMapping: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var key: YAMLNode
        public var value: YAMLNode

        public init(key: YAMLNode, value: YAMLNode) {
            self.key = key
            self.value = value
        }
    }

    public private(set) var entries: [Entry]
    private var indexByKey: [String: Int]

    public init(_ entries: [Entry] = []) {
        self.entries = []
        self.indexByKey = [:]
        for entry in entries { append(entry) }
    }

    public mutating func append(_ entry: Entry) {
        if let key = entry.key.scalar?.value {
            indexByKey[key] = entries.count
        }
        entries.append(entry)
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }

    /// The scalar keys in document order (a duplicated key appears as often as it was written).
    public var keys: [String] { entries.compactMap { $0.key.scalar?.value } }

    public subscript(key: String) -> YAMLNode? {
        indexByKey[key].map { entries[$0].value }
    }

    /// The entry (key node included, for its location) for a string key.
    public func entry(forKey key: String) -> Entry? {
        indexByKey[key].map { entries[$0] }
    }

    public static func == (lhs: YAMLMapping, rhs: YAMLMapping) -> Bool { lhs.entries == rhs.entries }
    public func hash(into hasher: inout Hasher) { hasher.combine(entries) }
}
