import KilnDiagnostics

/// Loads, parses, caches and renders templates.
///
///     let environment = TemplateEnvironment(
///         loader: ChainTemplateLoader([DirectoryTemplateLoader(directory: overrides), builtIns]),
///         filters: ["swiftIdentifier": { value, _ in … }]
///     )
///     let source = try environment.render(templateNamed: "Model.stencil", context: ["type": …])
///
/// Not thread-safe: the cache is plain mutable state, and the generator renders from one thread.
/// Every failure is a `DiagnosticError` located in the template (`file:line:column`).
public final class TemplateEnvironment {
    public let loader: any TemplateLoader
    /// The built-in filters (see `BuiltinFilters`) with the custom ones over them.
    private let filters: [String: TemplateFilter]
    private var cache: [String: Template] = [:]

    /// `filters` are added to the built-ins; a custom filter with a built-in's name replaces it.
    public init(loader: any TemplateLoader, filters: [String: TemplateFilter] = [:]) {
        self.loader = loader
        self.filters = BuiltinFilters.all.merging(filters) { _, custom in custom }
    }

    /// The template called `name`, parsed on first use and cached after that.
    public func template(named name: String) throws(DiagnosticError) -> Template {
        try template(named: name, includedAt: nil)
    }

    public func render(templateNamed name: String, context: [String: TemplateValue]) throws(DiagnosticError) -> String {
        try render(template(named: name), context: context)
    }

    /// Renders an already loaded template; its includes still go through this environment.
    public func render(_ template: Template, context: [String: TemplateValue]) throws(DiagnosticError) -> String {
        var renderer = TemplateRenderer(environment: self, context: context)
        try renderer.render(template.nodes)
        return renderer.output
    }

    /// `includedAt` is the include tag asking, where not-found and load errors are reported;
    /// `nil` for a template the caller asked for directly.
    func template(named name: String, includedAt location: SourceLocation?) throws(DiagnosticError) -> Template {
        if let cached = cache[name] { return cached }
        let source: TemplateSource?
        do {
            source = try loader.loadTemplate(named: name)
        } catch {
            throw .template("cannot load template '\(name)': \(error)", at: location)
        }
        guard let source else {
            throw .template("template '\(name)' not found", at: location)
        }
        let template: Template
        do throws(DiagnosticError) {
            template = try Template(name: name, source: source, filters: filters)
        } catch {
            throw location.map { error.included(as: name, at: $0) } ?? error
        }
        cache[name] = template
        return template
    }
}
