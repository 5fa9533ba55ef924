import KilnTemplates

/// A bound passed to a `RequestValidator` check: `minimum: 1`, `pattern: "^a"`.
struct ValidationArgumentView: TemplateViewModel {
    var label: String
    /// The bound: a number or `true` as written, or text (`isText`) for the template to quote.
    var value: String
    var isText: Bool

    static let members: TemplateMembers<ValidationArgumentView> = [.init("label", \.label), .init("value", \.value), .init("isText", \.isText)]
}
