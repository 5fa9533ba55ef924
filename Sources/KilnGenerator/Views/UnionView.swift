import KilnTemplates

/// A `oneOf` (an enum with a case per alternative) or an `anyOf` (a struct of optionals).
struct UnionView: TemplateViewModel {
    /// The JSON property telling alternatives apart, when the schema names one.
    var discriminator: String?
    /// The discriminator's values are integers: read as `Int`, matched by integer literals.
    var discriminatorIsInteger: Bool
    var indirect: Bool
    var cases: [UnionCaseView]
    var unknownCase: String
    var unknownMember: String
    /// With a discriminator: the cases tried in order when the JSON has no discriminator (members
    /// without it, or not requiring an inferred one). Empty when every case requires it.
    var casesWithoutTag: [UnionCaseView]
    /// With a discriminator: the cases tried in order when its value is unknown, before the unknown
    /// case (members without the property, when it is inferred).
    var casesForUnknownTag: [UnionCaseView]
    /// The `anyOf` initializer's parameters: one optional per alternative.
    var initParameters: [InitParameterView]
    /// Whether the `anyOf` initializer's parameters go one per line.
    var wrapsInitArguments: Bool

    static let members: TemplateMembers<UnionView> = [
        .init("discriminator") { $0.discriminator }, .init("discriminatorIsInteger") { $0.discriminatorIsInteger },
        .init("indirect") { $0.indirect }, .init("cases") { $0.cases },
        .init("unknownCase") { $0.unknownCase }, .init("unknownMember") { $0.unknownMember },
        .init("casesWithoutTag") { $0.casesWithoutTag }, .init("casesForUnknownTag") { $0.casesForUnknownTag },
        .init("initParameters") { $0.initParameters }, .init("wrapsInitArguments") { $0.wrapsInitArguments },
    ]
}

struct UnionCaseView: TemplateViewModel {
    var name: String
    var member: String
    var type: TypeReferenceView
    /// The value encoding writes when `addsDiscriminator`.
    var discriminatorValue: String?
    /// Every value selecting this case when decoding (one, or an inferred discriminator's `enum`);
    /// decimal text when the union's discriminator is an integer.
    var discriminatorValues: [String]
    /// Whether encoding writes the discriminator (the alternative's own schema does not declare it).
    var addsDiscriminator: Bool

    static let members: TemplateMembers<UnionCaseView> = [
        .init("name") { $0.name }, .init("member") { $0.member }, .init("type") { $0.type },
        .init("discriminatorValue") { $0.discriminatorValue }, .init("discriminatorValues") { $0.discriminatorValues },
        .init("addsDiscriminator") { $0.addsDiscriminator },
    ]
}
