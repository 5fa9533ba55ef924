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

    static let members: [TemplateMember<DeclarationView>] = [
        .init("kind", \.kind), .init("name", \.name), .init("qualifiedName", \.qualifiedName),
        .init("sourceName", \.sourceName), .init("doc", \.doc), .init("nestedTypes", \.nestedTypes),
        .init("object", \.object), .init("enumeration", \.enumeration), .init("union", \.union),
        .init("target", \.target),
    ]
}
