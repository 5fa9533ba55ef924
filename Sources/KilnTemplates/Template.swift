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
    /// `{% import %}`s, in order.
    let imports: [TemplateImport]
    /// The macros `{% call %}` can reach from this template, by name: its own over imported ones.
    /// Filled by the environment once the imports are loaded (`TemplateEnvironment.linkMacros`).
    private(set) var macros: [String: TemplateMacro]
    /// The macros defined in this template, which importing templates get.
    let ownMacros: [TemplateMacro]

    init(name: String, source: TemplateSource, filters: [String: TemplateFilter]) throws(DiagnosticError) {
        self.name = name
        self.displayPath = source.displayPath
        let parsed = try TemplateParser.parse(source, named: name, filters: filters)
        self.nodes = parsed.nodes
        self.imports = parsed.imports
        self.ownMacros = parsed.macros
        self.macros = Dictionary(parsed.macros.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Adds imported macros; the template's own keep their names.
    mutating func addImportedMacros(_ imported: [TemplateMacro]) {
        for macro in imported where macros[macro.name] == nil {
            macros[macro.name] = macro
        }
    }
}
