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
    /// Key → index of its last entry; built only once the mapping outgrows `linearSearchLimit`.
    /// Most mappings in a spec are small, and comparing a few short keys is cheaper than hashing.
    private var indexByKey: [String: Int]?

    /// The most entries looked up by a linear scan instead of a hash table.
    private static let linearSearchLimit = 12

    public init(_ entries: [Entry] = []) {
        self.entries = []
        self.indexByKey = nil
        for entry in entries { append(entry) }
    }

    public mutating func append(_ entry: consuming Entry) {
        let key = indexByKey == nil ? nil : entry.key.scalar?.value
        entries.append(entry)
        if let key {
            indexByKey?[key] = entries.count - 1
        } else if indexByKey == nil, entries.count > Self.linearSearchLimit {
            indexByKey = Self.index(of: entries)
        }
    }

    /// Drops the spare capacity appending one entry at a time left (a quarter of a tree's entry
    /// storage on average), once the mapping is complete: the tree is a run's memory peak.
    mutating func shrinkToFit() {
        guard entries.capacity > entries.count else { return }
        var exact: [Entry] = []
        exact.reserveCapacity(entries.count)
        exact.append(contentsOf: entries)
        entries = exact
    }

    private static func index(of entries: [Entry]) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(entries.count * 2)
        for (position, entry) in entries.enumerated() {
            if let key = entry.key.scalar?.value { index[key] = position }
        }
        return index
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }

    /// The scalar keys in document order (a duplicated key appears as often as it was written).
    public var keys: [String] { entries.compactMap { $0.key.scalar?.value } }

    public subscript(key: String) -> YAMLNode? {
        position(ofKey: key).map { entries[$0].value }
    }

    /// The entry (key node included, for its location) for a string key.
    public func entry(forKey key: String) -> Entry? {
        position(ofKey: key).map { entries[$0] }
    }

    /// The index of the last entry with this scalar key (the one lookups return for a duplicate).
    private func position(ofKey key: String) -> Int? {
        if let indexByKey { return indexByKey[key] }
        return entries.lastIndex { entry in
            if case .scalar(let scalar) = entry.key.content { return scalar.value == key }
            return false
        }
    }

    public static func == (lhs: YAMLMapping, rhs: YAMLMapping) -> Bool { lhs.entries == rhs.entries }
    public func hash(into hasher: inout Hasher) { hasher.combine(entries) }
}
