internal import KilnYAML

/// The names used in each `components` map: the root's own, then those given to hoisted objects.
///
/// Names are compared ignoring case, since Swift type names made from `pet` and `Pet` would collide.
struct ComponentNameTable {
    private var taken: [String: Set<String>] = [:]
    private var assigned: [String: [DocumentPosition: String]] = [:]

    mutating func reserve(componentsOf root: YAMLNode) {
        guard let components = root["components"]?.mapping else { return }
        for entry in components.entries {
            guard let map = entry.key.string, let names = entry.value.mapping?.keys else { continue }
            taken[map, default: []].formUnion(names.map { $0.lowercased() })
        }
    }

    func name(of position: DocumentPosition, in map: String) -> String? {
        assigned[map]?[position]
    }

    /// `preferred`, or `preferred2`, `preferred3`, … when an earlier object has it.
    mutating func assign(_ preferred: String, to position: DocumentPosition, in map: String) -> String {
        var candidate = preferred
        var suffix = 2
        while taken[map, default: []].contains(candidate.lowercased()) {
            candidate = preferred + String(suffix)
            suffix += 1
        }
        taken[map, default: []].insert(candidate.lowercased())
        assigned[map, default: [:]][position] = candidate
        return candidate
    }
}
