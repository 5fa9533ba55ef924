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

    static let members: TemplateMembers<UnionView> = [
        .init("discriminator") { $0.discriminator }, .init("indirect") { $0.indirect }, .init("cases") { $0.cases },
        .init("unknownCase") { $0.unknownCase }, .init("unknownMember") { $0.unknownMember },
        .init("initParameters") { $0.initParameters }, .init("wrapsInitArguments") { $0.wrapsInitArguments },
    ]
}

struct UnionCaseView: TemplateViewModel {
    var name: String
    var member: String
    var type: TypeReferenceView
    var discriminatorValue: String?
    /// Whether encoding writes the discriminator (the alternative's own schema does not declare it).
    var addsDiscriminator: Bool

    static let members: TemplateMembers<UnionCaseView> = [
        .init("name") { $0.name }, .init("member") { $0.member }, .init("type") { $0.type },
        .init("discriminatorValue") { $0.discriminatorValue }, .init("addsDiscriminator") { $0.addsDiscriminator },
    ]
}
