import KilnTemplates

/// A string or integer enum that keeps unknown raw values.
struct EnumerationView: TemplateViewModel {
    /// The raw value's type name (`String`, `Int`).
    var rawType: String
    /// Whether raw values are written as string literals.
    var rawValuesAreStrings: Bool
    var cases: [EnumCaseView]
    var unknownCase: String
    var unknownMember: String

    static let members: TemplateMembers<EnumerationView> = [
        .init("rawType") { $0.rawType }, .init("rawValuesAreStrings") { $0.rawValuesAreStrings }, .init("cases") { $0.cases },
        .init("unknownCase") { $0.unknownCase }, .init("unknownMember") { $0.unknownMember },
    ]
}

struct EnumCaseView: TemplateViewModel {
    var name: String
    var member: String
    /// The raw value as written in the spec; `swiftString` quotes it for string enums.
    var rawValue: String
    var doc: String?

    static let members: TemplateMembers<EnumCaseView> = [
        .init("name") { $0.name }, .init("member") { $0.member }, .init("rawValue") { $0.rawValue }, .init("doc") { $0.doc },
    ]
}
