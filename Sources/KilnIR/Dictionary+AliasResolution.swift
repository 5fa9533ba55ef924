extension Dictionary where Key == String, Value == IRType {
    /// Every type by qualified name, nested ones included.
    public static func byQualifiedName(_ types: [IRType]) -> [String: IRType] {
        var table: [String: IRType] = [:]
        var pending = types
        while let type = pending.popLast() {
            table[type.qualifiedName] = type
            pending += type.nestedTypes
        }
        return table
    }

    /// `type` with aliases followed to what they name, to see the arrays, enums and primitives behind
    /// names; a cycle of aliases stops where it closes.
    public func resolvingAliases(_ type: IRTypeReference) -> IRTypeReference {
        var current = type
        var seen: Set<String> = []
        while case .named(let name) = current, seen.insert(name).inserted, case .alias(let target)? = self[name]?.kind {
            current = target
        }
        return current
    }
}
