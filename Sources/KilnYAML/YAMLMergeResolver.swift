import KilnDiagnostics

/// YAML 1.1 merge keys: `<<: *base` (or `<<: [*a, *b]`) copies the entries of the referenced
/// mapping(s) into the mapping that holds it, unless that mapping already has the key.
///
/// Specs use this to share parameter and schema fragments. Merged entries take the place of the
/// `<<` entry, so document order stays readable; explicit keys win wherever they are written, and
/// among several merged mappings the earlier one wins (as in the YAML 1.1 merge type).
enum YAMLMergeResolver {
    /// A `<<` entry seen while building a mapping: `position` is the number of explicit entries before it.
    struct Merge {
        let position: Int
        let value: YAMLNode
    }

    static let mergeTag = YAMLTagNormalizer.coreSchemaPrefix + "merge"

    /// A plain, untagged `<<` (or `!!merge <<`); a quoted `"<<"` is an ordinary key, as in JSON.
    static func isMergeKey(_ key: YAMLNode) -> Bool {
        guard let scalar = key.scalar, scalar.value == "<<" else { return false }
        return key.tag == mergeTag || (key.tag == nil && scalar.style == .plain)
    }

    static func resolve(_ explicit: YAMLMapping, merges: [Merge]) throws(DiagnosticError) -> YAMLMapping {
        var present = Set(explicit.keys)
        var result = YAMLMapping()
        var pending = merges[...]
        for (position, entry) in explicit.entries.enumerated() {
            while let merge = pending.first, merge.position == position {
                try insert(merge, into: &result, present: &present)
                pending.removeFirst()
            }
            result.append(entry)
        }
        for merge in pending {
            try insert(merge, into: &result, present: &present)
        }
        return result
    }

    private static func insert(_ merge: Merge, into result: inout YAMLMapping, present: inout Set<String>) throws(DiagnosticError) {
        for source in try sources(of: merge.value) {
            for entry in source.entries {
                guard let key = entry.key.scalar?.value else {
                    result.append(entry)
                    continue
                }
                guard present.insert(key).inserted else { continue }
                // For a key duplicated inside the source, take the value its lookup gives (the last).
                result.append(YAMLMapping.Entry(key: entry.key, value: source[key] ?? entry.value))
            }
        }
    }

    private static func sources(of value: YAMLNode) throws(DiagnosticError) -> [YAMLMapping] {
        if let mapping = value.mapping { return [mapping] }
        if let items = value.sequence {
            var mappings: [YAMLMapping] = []
            for item in items {
                guard let mapping = item.mapping else { throw notMergeable(item, inSequence: true) }
                mappings.append(mapping)
            }
            return mappings
        }
        throw notMergeable(value, inSequence: false)
    }

    private static func notMergeable(_ node: YAMLNode, inSequence: Bool) -> DiagnosticError {
        let expected = inSequence ? "each item of a merge key's sequence must be a mapping"
            : "the merge key '<<' needs a mapping or a sequence of mappings"
        return DiagnosticError(.error("\(expected), found \(node.kindDescription)", at: node.location))
    }
}
