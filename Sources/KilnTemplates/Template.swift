import KilnDiagnostics

/// A parsed template: parse once with `TemplateEnvironment.template(named:)`, render many times.
///
/// Immutable and `Sendable`: the node tree holds the filter functions it uses (resolved while
/// parsing), so a template needs nothing from its environment but included templates.
public struct Template: Sendable {
    /// The name it was loaded by, as `{% include %}` and the loader know it.
    public let name: String
    /// The path its diagnostics name.
    public let displayPath: String
    let nodes: [TemplateNode]

    init(name: String, source: TemplateSource, filters: [String: TemplateFilter]) throws(DiagnosticError) {
        self.name = name
        self.displayPath = source.displayPath
        self.nodes = try TemplateParser.parse(source, filters: filters)
    }
}
