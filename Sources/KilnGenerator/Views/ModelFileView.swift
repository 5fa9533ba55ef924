import KilnTemplates

/// The model of `ModelFile.swift.stencil`: one top-level type (its nested types inside it) and
/// the schema it came from.
struct ModelFileView: TemplateViewModel {
    var file: FileContext
    /// The JSON pointer of the schema, written above the declaration.
    var sourceName: String
    var type: DeclarationView

    // The model views read their members through closures, not key path literals: a debug build
    // applies a key path literal through the runtime, which showed in Kratos generation time.
    static let members: TemplateMembers<ModelFileView> = FileContext.members { $0.file } + [
        .init("sourceName") { $0.sourceName }, .init("type") { $0.type },
    ]
}
