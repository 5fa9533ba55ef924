import KilnTemplates

/// A case of a `switch` in request validation: the enum case, the name its payload is bound to,
/// and the checks of that payload.
struct ValidationCaseView: TemplateViewModel {
    var member: String
    var binding: String
    var checks: [ValidationCheckView]

    static let members: TemplateMembers<ValidationCaseView> = [.init("member", \.member), .init("binding", \.binding), .init("checks", \.checks)]
}
