/// Where inline schemas met while lowering one declaration become named types.
///
/// Inside a struct or union they nest (`UiNode.Group`); for operations and aliases they go to the
/// module's top level, named from their path (`ListIdentitiesIncludeCredential`).
struct NestedTypeSink {
    /// Prefix that qualifies a type declared here, e.g. `UiNode.`; empty at top level.
    let qualifiedPrefix: String
    var names: NameScope
    var types: [IRType] = []

    static func nested(in qualifiedName: String) -> NestedTypeSink {
        NestedTypeSink(qualifiedPrefix: qualifiedName + ".", names: SwiftNamer.nestedTypeScope())
    }

    /// Claims a name for a new nested type, by `SwiftNamer`'s rules.
    mutating func claimName(_ preferred: String) -> (name: String, qualifiedName: String) {
        let name = SwiftNamer.nestedTypeName(preferred, in: &names)
        return (name, qualifiedPrefix + name)
    }
}

extension NestedTypeSink {
    /// Makes the object `qualifiedName`'s byte members (`Data`, `[Data]`) `HTTPBody`s, so that a
    /// multipart part can be sent from a file or a sequence without being read into memory.
    mutating func streamBinaryMembers(ofType qualifiedName: String) {
        guard let index = types.firstIndex(where: { $0.qualifiedName == qualifiedName }),
            case .object(var object) = types[index].kind
        else { return }
        for member in object.properties.indices {
            object.properties[member].type = object.properties[member].type.streamingBytes
        }
        types[index].kind = .object(object)
    }
}
