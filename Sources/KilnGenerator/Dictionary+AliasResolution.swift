import KilnIR

extension Dictionary where Key == String, Value == IRType {
    /// `type` with aliases followed to what they name, to see the arrays, enums and primitives behind
    /// names; a cycle of aliases stops where it closes.
    func resolvingAliases(_ type: IRTypeReference) -> IRTypeReference {
        var current = type
        var seen: Set<String> = []
        while case .named(let name) = current, seen.insert(name).inserted, case .alias(let target)? = self[name]?.kind {
            current = target
        }
        return current
    }
}
