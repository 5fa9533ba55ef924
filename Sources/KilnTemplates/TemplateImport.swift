import KilnDiagnostics

/// `{% import "Macros.stencil" %}`: makes the macros of another template callable in this one.
struct TemplateImport: Sendable {
    let templateName: String
    /// The tag's location, where not-found and cycle errors are reported.
    let location: SourceLocation
}
