internal import KilnYAML

/// The check after decoding that every local `$ref` names an existing component of the right kind
/// and that no component is a cycle of pure references, so later stages can resolve without surprises.
extension DecodingContext {
    func validateReferences(in components: Components) {
        let names = ComponentNames(components)
        // Large specs repeat the same few hundred targets thousands of times; check each once.
        var valid: Set<ValidTarget> = []
        for pending in pendingReferences {
            let key = ValidTarget(target: pending.reference.target, kind: pending.expectedKind)
            if !valid.contains(key) && validate(pending, names: names) { valid.insert(key) }
        }
        reportCycles(in: components.schemas, kind: .schemas)
        reportCycles(in: components.responses, kind: .responses)
        reportCycles(in: components.parameters, kind: .parameters)
        reportCycles(in: components.requestBodies, kind: .requestBodies)
        reportCycles(in: components.headers, kind: .headers)
        reportCycles(in: components.securitySchemes, kind: .securitySchemes)
    }

    /// Reports what is wrong with one reference; true when nothing is.
    private func validate(_ pending: PendingReference, names: ComponentNames) -> Bool {
        let reference = pending.reference
        let location = reference.source.location
        guard let (kindName, name) = reference.componentPath, let kind = ComponentKind(rawValue: kindName) else {
            log.error(
                "unsupported reference '\(reference.target)'; only references to '\(pending.expectedKind.pointerPrefix)<name>' are supported",
                at: location
            )
            return false
        }
        guard kind == pending.expectedKind else {
            log.error(
                "reference '\(reference.target)' points to \(kind.objectDescription) where \(pending.expectedKind.objectDescription) is expected",
                at: location
            )
            return false
        }
        guard !names.contains(name, kind: kind) else { return true }
        var message = "unresolvable reference '\(reference.target)'"
        if let suggestion = names.closest(to: name, kind: kind) {
            message += "; did you mean '\(suggestion)'?"
        }
        log.error(message, at: location)
        return false
    }

    /// Reports each cycle of components that are only `$ref`s to each other (`a: {$ref: b}`, `b: {$ref: a}`)
    /// once, at the reference of its first member in document order.
    ///
    /// Each component is walked at most once (finished ones are remembered), so this is linear.
    private func reportCycles<Value>(in map: OrderedMap<Referenceable<Value>>, kind: ComponentKind) {
        var finished: Set<String> = []
        for (start, value) in map.entries where value.reference != nil && !finished.contains(start) {
            var chain: [(name: String, reference: Reference)] = []
            var positionInChain: [String: Int] = [:]
            var current = start
            while !finished.contains(current), let reference = map[current]?.reference {
                if let position = positionInChain[current] {
                    reportCycle(Array(chain[position...]), kind: kind)
                    break
                }
                positionInChain[current] = chain.count
                chain.append((current, reference))
                // Leaving the component kind (or the document) ends the chain; those refs are reported above.
                guard let (targetKind, next) = reference.componentPath, targetKind == kind.rawValue else { break }
                current = next
            }
            finished.formUnion(chain.map(\.name))
        }
    }

    private func reportCycle(_ cycle: [(name: String, reference: Reference)], kind: ComponentKind) {
        guard let first = cycle.first else { return }
        let members = (cycle.map(\.name) + [first.name]).map { "'\(kind.pointerPrefix)\(JSONPointer.escape($0))'" }
        log.error("reference cycle: \(members.joined(separator: " → "))", at: first.reference.source.location)
    }
}

private struct ValidTarget: Hashable {
    var target: String
    var kind: ComponentKind
}

/// The component names of each kind, for existence checks and "did you mean" suggestions.
private struct ComponentNames {
    private var namesByKind: [ComponentKind: [String]] = [:]
    private var setsByKind: [ComponentKind: Set<String>] = [:]

    init(_ components: Components) {
        add(components.schemas.keys, .schemas)
        add(components.responses.keys, .responses)
        add(components.parameters.keys, .parameters)
        add(components.requestBodies.keys, .requestBodies)
        add(components.headers.keys, .headers)
        add(components.securitySchemes.keys, .securitySchemes)
    }

    private mutating func add(_ names: [String], _ kind: ComponentKind) {
        namesByKind[kind] = names
        setsByKind[kind] = Set(names)
    }

    func contains(_ name: String, kind: ComponentKind) -> Bool {
        setsByKind[kind]?.contains(name) ?? false
    }

    /// The existing name nearest to a misspelt one, when it is near enough to be a likely typo.
    ///
    /// Only computed for dangling references, which are few, so the linear scan costs nothing in practice.
    func closest(to name: String, kind: ComponentKind) -> String? {
        let candidates = namesByKind[kind] ?? []
        let lowered = name.lowercased()
        if let sameIgnoringCase = candidates.first(where: { $0.lowercased() == lowered }) { return sameIgnoringCase }
        let limit = max(2, name.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(Array(lowered), Array(candidate.lowercased()), limit: limit)
            if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.name
    }
}

/// Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`.
private func editDistance(_ lhs: [Character], _ rhs: [Character], limit: Int) -> Int {
    if abs(lhs.count - rhs.count) > limit { return limit + 1 }
    var previous = Array(0...rhs.count)
    var current = [Int](repeating: 0, count: rhs.count + 1)
    for (i, left) in lhs.enumerated() {
        current[0] = i + 1
        var rowMinimum = current[0]
        for (j, right) in rhs.enumerated() {
            let substitution = previous[j] + (left == right ? 0 : 1)
            current[j + 1] = min(substitution, previous[j + 1] + 1, current[j] + 1)
            rowMinimum = min(rowMinimum, current[j + 1])
        }
        if rowMinimum > limit { return limit + 1 }
        swap(&previous, &current)
    }
    return previous[rhs.count]
}
