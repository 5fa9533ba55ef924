import KilnTemplates

/// A documented response header as a property of its headers struct, and how it is read.
struct HeaderPropertyView: TemplateViewModel {
    /// The property, as declared (escaped where it is a keyword).
    var name: String
    /// The memberwise initializer's argument label.
    var label: String
    /// The header's name on the wire.
    var wireName: String
    /// The type a header's text is read as: the documented one when text can hold it, else `String`.
    var type: TypeReferenceView
    var isRequired: Bool
    var doc: String

    static let members: TemplateMembers<HeaderPropertyView> = [
        .init("name", \.name), .init("label", \.label), .init("wireName", \.wireName), .init("type", \.type),
        .init("isRequired", \.isRequired), .init("doc", \.doc),
    ]

    /// The width of `label: try response.header("Name", as: Type.self)` as `ResponseCase.stencil`
    /// writes it (`requiredHeader` for a required one), for laying out the initializer call.
    var decodingWidth: Int {
        let reader = isRequired ? 14 : 6
        return label.count + 2 + 13 + reader + 1 + SwiftSyntaxFilters.swiftStringLiteral(wireName).count + 6 + type.spelledWidth + 6
    }
}
