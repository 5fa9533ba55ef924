import KilnTemplates

/// A `oneOf` (an enum with a case per alternative) or an `anyOf` (a struct of optionals).
struct UnionView: TemplateViewModel {
    /// The JSON property telling alternatives apart, when the schema names one.
    var discriminator: String?
    var indirect: Bool
    var cases: [UnionCaseView]
    var unknownCase: String
    var unknownMember: String
    /// The `anyOf` initializer's parameters: one optional per alternative.
    var initParameters: [InitParameterView]
    /// Whether the `anyOf` initializer's parameters go one per line.
    var wrapsInitArguments: Bool

    static let members: [TemplateMember<UnionView>] = [
        .init("discriminator", \.discriminator), .init("indirect", \.indirect), .init("cases", \.cases),
        .init("unknownCase", \.unknownCase), .init("unknownMember", \.unknownMember),
        .init("initParameters", \.initParameters), .init("wrapsInitArguments", \.wrapsInitArguments),
    ]
}

struct UnionCaseView: TemplateViewModel {
    var name: String
    var member: String
    var type: TypeReferenceView
    var discriminatorValue: String?
    /// Whether encoding writes the discriminator (the alternative's own schema does not declare it).
    var addsDiscriminator: Bool

    static let members: [TemplateMember<UnionCaseView>] = [
        .init("name", \.name), .init("member", \.member), .init("type", \.type),
        .init("discriminatorValue", \.discriminatorValue), .init("addsDiscriminator", \.addsDiscriminator),
    ]
}
