/// Finds template text by name, for `TemplateEnvironment` and for `{% include %}`.
public protocol TemplateLoader: Sendable {
    /// The template called `name`, or `nil` when this loader has none by that name (so a
    /// `ChainTemplateLoader` can ask the next one). Throw only when the template exists but cannot
    /// be read; the environment reports the error at the place that asked for the template.
    func loadTemplate(named name: String) throws -> TemplateSource?
}
