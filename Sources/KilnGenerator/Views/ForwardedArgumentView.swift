import KilnTemplates

/// One argument of a call passing a method's parameters on: `label: value`.
struct ForwardedArgumentView: TemplateViewModel {
    var label: String
    /// The name of the value passed: a parameter's internal name, `body`, `pageToken`; or, with
    /// `isText`, the text of a string literal (the `Accept` a method asks for).
    var value: String
    var isText = false

    static let members: TemplateMembers<ForwardedArgumentView> = [
        .init("label", \.label), .init("value", \.value), .init("isText", \.isText),
    ]
}
