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

    static let members: [TemplateMember<EnumerationView>] = [
        .init("rawType", \.rawType), .init("rawValuesAreStrings", \.rawValuesAreStrings), .init("cases", \.cases),
        .init("unknownCase", \.unknownCase), .init("unknownMember", \.unknownMember),
    ]
}

struct EnumCaseView: TemplateViewModel {
    var name: String
    var member: String
    /// The raw value as written in the spec; `swiftString` quotes it for string enums.
    var rawValue: String
    var doc: String?

    static let members: [TemplateMember<EnumCaseView>] = [
        .init("name", \.name), .init("member", \.member), .init("rawValue", \.rawValue), .init("doc", \.doc),
    ]
}
