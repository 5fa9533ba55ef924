import KilnTemplates

/// One argument of a call passing a method's parameters on: `label: value`.
struct ForwardedArgumentView: TemplateViewModel {
    var label: String
    /// The name of the value passed: a parameter's internal name, `body`, `pageToken`.
    var value: String

    static let members: TemplateMembers<ForwardedArgumentView> = [.init("label", \.label), .init("value", \.value)]
}
