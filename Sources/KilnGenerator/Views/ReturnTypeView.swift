import KilnTemplates

/// What a convenience method returns: a type, optional when some success status has no body.
struct ReturnTypeView: TemplateViewModel {
    var type: TypeReferenceView
    var isOptional: Bool

    static let members: TemplateMembers<ReturnTypeView> = [.init("type", \.type), .init("isOptional", \.isOptional)]
}
