import KilnDiagnostics

/// A named Swift type to generate: a struct, an enum, a discriminated union or an alias.
public struct IRType: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case object(IRObject)
        case enumeration(IREnumeration)
        case union(IRUnion)
        /// `typealias Name = Target` for schemas that are a primitive, an array, a map or free-form JSON.
        case alias(IRTypeReference)
    }

    /// The declared (unqualified) Swift name, e.g. `Group` for a type nested in `UiNode`.
    public var name: String
    /// The name as it is referenced from anywhere in the module, e.g. `UiNode.Group`.
    public var qualifiedName: String
    /// The JSON pointer of the schema the type came from (`#/components/schemas/identity`).
    public var sourceName: String
    public var documentation: IRDocumentation
    public var kind: Kind
    /// Types declared inside this one (inline schemas of its properties).
    public var nestedTypes: [IRType]
    public var location: SourceLocation

    public init(
        name: String, qualifiedName: String, sourceName: String, documentation: IRDocumentation,
        kind: Kind, nestedTypes: [IRType] = [], location: SourceLocation
    ) {
        self.name = name
        self.qualifiedName = qualifiedName
        self.sourceName = sourceName
        self.documentation = documentation
        self.kind = kind
        self.nestedTypes = nestedTypes
        self.location = location
    }
}
