import KilnTemplates

/// A body type's `RequestValidatable` conformance: the checks of its `validate(with:at:)`.
struct ValidationConformanceView: TemplateViewModel {
    var typeName: String
    var checks: [ValidationCheckView]
    /// Checks a deprecated property, so the method is marked deprecated to read it without a warning.
    var readsDeprecatedProperties: Bool

    static let members: TemplateMembers<ValidationConformanceView> = [
        .init("typeName", \.typeName), .init("checks", \.checks), .init("readsDeprecatedProperties", \.readsDeprecatedProperties),
    ]
}
