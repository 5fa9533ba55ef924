/// Templates held in memory: the generator's embedded defaults, and tests.
public struct DictionaryTemplateLoader: TemplateLoader {
    public let templates: [String: String]
    /// Prepended to a name to make its display path, e.g. `"Templates/"` so diagnostics for an
    /// embedded template name the file it was built from.
    public let displayPrefix: String

    public init(_ templates: [String: String], displayPrefix: String = "") {
        self.templates = templates
        self.displayPrefix = displayPrefix
    }

    public func loadTemplate(named name: String) throws -> TemplateSource? {
        templates[name].map { TemplateSource(text: $0, displayPath: displayPrefix + name) }
    }
}
