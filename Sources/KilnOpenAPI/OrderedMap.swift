/// String-keyed entries in document order with keyed lookup.
///
/// OpenAPI maps (paths, properties, components) keep the spec's order so the generated code
/// follows it and diffs between spec versions stay small.
public struct OrderedMap<Value: Sendable>: Sendable {
    public private(set) var entries: [(key: String, value: Value)] = []
    private var indexByKey: [String: Int] = [:]

    public init() {}

    public init(_ entries: [(key: String, value: Value)]) {
        for entry in entries { self[entry.key] = entry.value }
    }

    public subscript(key: String) -> Value? {
        get { indexByKey[key].map { entries[$0].value } }
        set {
            if let index = indexByKey[key] {
                if let newValue {
                    entries[index].value = newValue
                } else {
                    entries.remove(at: index)
                    rebuildIndex()
                }
            } else if let newValue {
                indexByKey[key] = entries.count
                entries.append((key, newValue))
            }
        }
    }

    public var keys: [String] { entries.map(\.key) }
    public var values: [Value] { entries.map(\.value) }
    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }

    private mutating func rebuildIndex() {
        indexByKey = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.key, $0) })
    }
}
