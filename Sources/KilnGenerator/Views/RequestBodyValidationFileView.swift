import KilnTemplates

/// The model of `RequestBodyValidation.swift.stencil`: one conformance per body type with checks.
struct RequestBodyValidationFileView: TemplateViewModel {
    var file: FileContext
    var conformances: [ValidationConformanceView]

    static let members: TemplateMembers<RequestBodyValidationFileView> = FileContext.members(\.file) + [
        .init("conformances", \.conformances),
    ]
}
