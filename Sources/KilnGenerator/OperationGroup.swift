import KilnIR

/// Operations sharing a tag, emitted together as one `Client+Tag.swift` file.
struct OperationGroup {
    var name: String
    var operations: [IROperation]

    /// Groups in order of first appearance; untagged operations go to `Operations`.
    static func grouped(_ operations: [IROperation]) -> [OperationGroup] {
        var groups: [OperationGroup] = []
        var indexByName: [String: Int] = [:]
        for operation in operations {
            let name = operation.tag.map(SwiftNaming.typeName) ?? "Operations"
            if let index = indexByName[name] {
                groups[index].operations.append(operation)
            } else {
                indexByName[name] = groups.count
                groups.append(OperationGroup(name: name, operations: [operation]))
            }
        }
        return groups
    }
}
