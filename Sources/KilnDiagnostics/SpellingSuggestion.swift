/// "did you mean …?" for a misspelt name (a template member, a spec key, a schema type): the closest
/// candidate by edit distance, if it is close enough to be a likely typo.
public enum SpellingSuggestion {
    public static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(name.lowercased().utf8)
        // A third of the name, at least one edit: `propertys` → `properties` (2 of 9) qualifies,
        // `id` → `name` does not.
        let allowed = max(1, target.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased().utf8))
            guard distance <= allowed else { continue }
            // Ties go to the alphabetically first, so the message does not depend on hash order.
            if best == nil || distance < best!.distance || (distance == best!.distance && candidate < best!.name) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// ` (did you mean 'x'?)`, or an empty string when no candidate is close: ready to append to a message.
    public static func didYouMean(_ name: String, among candidates: some Sequence<String>) -> String {
        closest(to: name, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// Edit distance counting a swap of two neighbours as one edit (optimal string alignment),
    /// because `nmae` for `name` is the commonest slip of all.
    private static func editDistance(_ lhs: [UInt8], _ rhs: [UInt8]) -> Int {
        if lhs.isEmpty { return rhs.count }
        var beforePrevious = Array(repeating: 0, count: rhs.count + 1)
        var previous = Array(0...rhs.count)
        var current = previous
        for i in lhs.indices {
            current[0] = i + 1
            for j in rhs.indices {
                let substitution = previous[j] + (lhs[i] == rhs[j] ? 0 : 1)
                current[j + 1] = min(substitution, previous[j + 1] + 1, current[j] + 1)
                if i > 0 && j > 0 && lhs[i] == rhs[j - 1] && lhs[i - 1] == rhs[j] {
                    current[j + 1] = min(current[j + 1], beforePrevious[j - 1] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[rhs.count]
    }
}
