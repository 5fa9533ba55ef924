import KilnTemplates

/// The model of `ModelFile.swift.stencil`: one top-level type (its nested types inside it) and
/// the schema it came from.
struct ModelFileView: TemplateViewModel {
    var file: FileContext
    /// The JSON pointer of the schema, written above the declaration.
    var sourceName: String
    var type: DeclarationView

    static let members: [TemplateMember<ModelFileView>] = FileContext.members(\.file) + [
        .init("sourceName", \.sourceName), .init("type", \.type),
    ]
}
