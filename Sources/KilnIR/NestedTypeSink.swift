/// Where inline schemas met while lowering one declaration become named types.
///
/// Inside a struct or union they nest (`UiNode.Group`); for operations and aliases they go to the
/// module's top level, named from their path (`ListIdentitiesIncludeCredential`).
struct NestedTypeSink {
    /// Prefix that qualifies a type declared here, e.g. `UiNode.`; empty at top level.
    let qualifiedPrefix: String
    var names: NameScope
    var types: [IRType] = []

    /// Nested types may not be named like members every Swift type has (`UiNode.Type` is the metatype).
    static let reservedNestedNames: Set<String> = ["Type", "Protocol", "Self", "CodingKeys", "DiscriminatorKeys"]

    static func nested(in qualifiedName: String) -> NestedTypeSink {
        NestedTypeSink(qualifiedPrefix: qualifiedName + ".", names: NameScope(reserved: reservedNestedNames))
    }

    /// Claims a name for a new nested type; `Type` becomes `Kind` because `type` properties are
    /// common, other reserved names get a `Value` suffix.
    mutating func claimName(_ preferred: String) -> (name: String, qualifiedName: String) {
        var candidate = preferred
        if Self.reservedNestedNames.contains(preferred) {
            candidate = preferred == "Type" ? "Kind" : preferred + "Value"
        }
        let name = names.claim(candidate)
        return (name, qualifiedPrefix + name)
    }
}
