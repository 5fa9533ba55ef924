import KilnTemplates

/// One type declaration: what every kind shares, and the part of its kind. `Declaration.stencil`
/// picks the kind's template by `kind`; nested types render through the same partial, inside.
struct DeclarationView: TemplateViewModel {
    /// `struct`, `enum`, `anyOf`, `union` or `alias`: which of the members below is set.
    var kind: String
    var name: String
    var qualifiedName: String
    var sourceName: String
    var doc: String?
    /// Types declared inside this one, in declaration order.
    var nestedTypes: [DeclarationView]
    var object: ObjectView?
    var enumeration: EnumerationView?
    var union: UnionView?
    /// What an alias stands for.
    var target: TypeReferenceView?

    static let members: TemplateMembers<DeclarationView> = [
        .init("kind") { $0.kind }, .init("name") { $0.name }, .init("qualifiedName") { $0.qualifiedName },
        .init("sourceName") { $0.sourceName }, .init("doc") { $0.doc }, .init("nestedTypes") { $0.nestedTypes },
        .init("object") { $0.object }, .init("enumeration") { $0.enumeration }, .init("union") { $0.union },
        .init("target") { $0.target },
    ]
}
