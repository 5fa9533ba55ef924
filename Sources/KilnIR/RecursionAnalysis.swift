/// Finds where value types would contain themselves (recursive schemas) and marks the links
/// that must be boxed: struct properties become `@Indirect`, unions become `indirect enum`s.
///
/// Arrays and dictionaries already store their elements on the heap, so only direct
/// references (a property or case of a named type, through aliases) can form a cycle.
enum RecursionAnalysis {
    static func markingIndirections(_ types: [IRType]) -> [IRType] {
        var edges: [String: [String]] = [:]
        collectEdges(types, into: &edges)
        return types.map { mark($0, edges: edges) }
    }

    private static func collectEdges(_ types: [IRType], into edges: inout [String: [String]]) {
        for type in types {
            edges[type.qualifiedName] = directReferences(of: type.kind)
            collectEdges(type.nestedTypes, into: &edges)
        }
    }

    private static func directReferences(of kind: IRType.Kind) -> [String] {
        switch kind {
        case .object(let object): return object.properties.compactMap { namedTarget($0.type) }
        case .union(let union): return union.cases.compactMap { namedTarget($0.type) }
        case .alias(let target): return namedTarget(target).map { [$0] } ?? []
        case .enumeration: return []
        }
    }

    private static func namedTarget(_ type: IRTypeReference) -> String? {
        if case .named(let name) = type { return name }
        return nil
    }

    private static func mark(_ type: IRType, edges: [String: [String]]) -> IRType {
        var marked = type
        marked.nestedTypes = type.nestedTypes.map { mark($0, edges: edges) }
        switch type.kind {
        case .object(var object):
            for index in object.properties.indices {
                if let target = namedTarget(object.properties[index].type),
                   reaches(target, goal: type.qualifiedName, edges: edges) {
                    object.properties[index].indirect = true
                }
            }
            marked.kind = .object(object)
        case .union(var union):
            union.indirect = union.cases.contains { unionCase in
                namedTarget(unionCase.type).map { reaches($0, goal: type.qualifiedName, edges: edges) } ?? false
            }
            marked.kind = .union(union)
        default:
            break
        }
        return marked
    }

    /// Depth-first search over direct references.
    private static func reaches(_ start: String, goal: String, edges: [String: [String]]) -> Bool {
        var visited: Set<String> = []
        var pending = [start]
        while let current = pending.popLast() {
            if current == goal { return true }
            guard visited.insert(current).inserted else { continue }
            pending += edges[current] ?? []
        }
        return false
    }
}
