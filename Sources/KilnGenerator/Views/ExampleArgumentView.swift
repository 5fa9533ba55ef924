import KilnTemplates

/// A labelled argument in a call example: `label: value`.
struct ExampleArgumentView: TemplateViewModel {
    var label: String
    var value: ExampleValueView

    static let members: TemplateMembers<ExampleArgumentView> = [.init("label", \.label), .init("value", \.value)]

    /// `label: ` and the value.
    var writtenWidth: Int { label.count + 2 + value.writtenWidth }
}
