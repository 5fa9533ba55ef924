import KilnTemplates

/// One parameter of a generated method's signature: `label internalName: Type` and, when
/// optional, a `nil` default. `Signature.stencil`'s `argument` macro writes it.
struct ArgumentView: TemplateViewModel {
    /// The argument label (also the internal name unless `internalName` is set).
    var label: String
    /// The name inside the method when it differs from the label (a label that is a keyword).
    var internalName: String?
    var type: TypeReferenceView
    /// Optional, defaulting to `nil`.
    var isOptional: Bool

    static let members: TemplateMembers<ArgumentView> = [
        .init("label", \.label), .init("internalName", \.internalName), .init("type", \.type), .init("isOptional", \.isOptional),
    ]

    /// The width of the written argument (see `ArgumentListView.wraps`): a space before an
    /// internal name, `: ` before the type, `? = nil` after an optional one.
    var writtenWidth: Int {
        label.count + (internalName.map { $0.count + 1 } ?? 0) + 2 + type.spelledWidth + (isOptional ? 7 : 0)
    }
}
