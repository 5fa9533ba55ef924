import KilnTemplates

/// An argument in a call example: `label: value`, or `value` alone when the label is empty.
struct ExampleArgumentView: TemplateViewModel {
    var label: String
    var value: ExampleValueView

    static let members: TemplateMembers<ExampleArgumentView> = [.init("label", \.label), .init("value", \.value)]

    /// `label: ` and the value.
    var writtenWidth: Int { (label.isEmpty ? 0 : label.count + 2) + value.writtenWidth }
}
