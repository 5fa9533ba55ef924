import KilnTemplates

/// A case of `Operations.X.Body`: one media type the operation accepts, with its payload type.
struct BodyCaseView: TemplateViewModel {
    /// The case name as declared, escaped where it is a keyword.
    var name: String
    var type: TypeReferenceView
    var mediaType: String

    static let members: TemplateMembers<BodyCaseView> = [.init("name", \.name), .init("type", \.type), .init("mediaType", \.mediaType)]
}
