import KilnTemplates

/// A security scheme: a credential property of `Authentication` and how a request carries it.
struct SecuritySchemeView: TemplateViewModel {
    /// The scheme's name in the description, which operations' security lists use.
    var name: String
    /// The `Authentication` property, escaped where it is a keyword.
    var property: String
    var valueType: TypeReferenceView
    /// `apiKey`, `bearer` or `basic`.
    var kind: String
    /// For `apiKey`: `header`, `query` or `cookie`, and the key's name there.
    var location: String?
    var keyName: String?
    var doc: String

    static let members: TemplateMembers<SecuritySchemeView> = [
        .init("name", \.name), .init("property", \.property), .init("valueType", \.valueType), .init("kind", \.kind),
        .init("location", \.location), .init("keyName", \.keyName), .init("doc", \.doc),
    ]
}
