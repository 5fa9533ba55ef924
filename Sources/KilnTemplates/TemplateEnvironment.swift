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
    /// The filters given to `init`: the checker knows result types of built-in filters only.
    let customFilterNames: Set<String>
    private var cache: [String: Template] = [:]
    /// Templates whose imports are being loaded, to report an import cycle instead of recursing.
    private var loading: Set<String> = []
    /// Nodes that keep what they resolved to (`Include.loadedTemplate`, `MacroCall.macro`). A template
    /// that includes itself, or a macro that calls itself, makes that a reference cycle, so the
    /// environment, which owns the cache they point into, unlinks them when it goes.
    private var rememberingIncludes: [TemplateNode.Include] = []
    private var resolvedCalls: [TemplateNode.MacroCall] = []

    /// What custom filters return, for the checker; those not listed return `.any`.
    private let filterResultTypes: [String: TemplateValueType]

    /// `filters` are added to the built-ins; a custom filter with a built-in's name replaces it.
    /// `filterResultTypes` tells the checker what custom filters return (`"docComment": .string`).
    public init(
        loader: any TemplateLoader,
        filters: [String: TemplateFilter] = [:],
        filterResultTypes: [String: TemplateValueType] = [:]
    ) {
        self.loader = loader
        self.filters = BuiltinFilters.all.merging(filters) { _, custom in custom }
        self.customFilterNames = Set(filters.keys)
        self.filterResultTypes = filterResultTypes
    }

    deinit {
        for include in rememberingIncludes { include.forget() }
        for call in resolvedCalls { call.unresolve() }
    }

    /// Called by the renderer once an include's template is loaded: literal names keep it.
    func remember(_ template: Template, for include: TemplateNode.Include) {
        if include.remember(template) { rememberingIncludes.append(include) }
    }

    /// The checker's view of a filter's result: declared for custom filters, known for built-ins.
    func filterResultType(_ name: String, input: TemplateValueType, arguments: [TemplateValueType]) -> TemplateValueType {
        if let declared = filterResultTypes[name] { return declared }
        if customFilterNames.contains(name) { return .any }
        return BuiltinFilterTypes.resultType(of: name, input: input, arguments: arguments)
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
        var renderer = TemplateRenderer(environment: self, context: context, macros: template.macros)
        try renderer.render(template.nodes)
        return String(decoding: renderer.output, as: UTF8.self)
    }

    /// Renders with `model`'s members as the top-level names. Inlinable so the model's conversion
    /// is specialized in the caller's module.
    @inlinable
    public func render(templateNamed name: String, model: some TemplateViewModel) throws(DiagnosticError) -> String {
        try render(template(named: name), context: model.templateContext)
    }

    @inlinable
    public func render(_ template: Template, model: some TemplateViewModel) throws(DiagnosticError) -> String {
        try render(template, context: model.templateContext)
    }

    /// Checks, without rendering, that `name` and every template it includes or imports (with a
    /// literal name) use only members `Model` has; throws every problem found, each at its
    /// `file:line:column`. See `TemplateChecker` for what is and is not checked.
    public func check<Model: TemplateViewModel>(templateNamed name: String, against model: Model.Type) throws(DiagnosticError) {
        try check(template(named: name), against: model)
    }

    public func check<Model: TemplateViewModel>(_ template: Template, against model: Model.Type) throws(DiagnosticError) {
        try check(template, againstNames: Model.memberTypes)
    }

    /// The same check with the top-level names and their types given directly, for a template
    /// rendered with a hand-built context.
    public func check(_ template: Template, againstNames names: [String: TemplateValueType]) throws(DiagnosticError) {
        var checker = TemplateChecker(environment: self, globals: names)
        checker.check(template)
        try checker.log.throwIfErrors()
    }

    /// `includedAt` is the include tag asking, where not-found and load errors are reported;
    /// `nil` for a template the caller asked for directly.
    func template(named name: String, includedAt location: SourceLocation?) throws(DiagnosticError) -> Template {
        if let cached = cache[name] { return cached }
        guard !loading.contains(name) else {
            throw .template("template '\(name)' imports itself (through the templates it imports)", at: location)
        }
        let source: TemplateSource?
        do {
            source = try loader.loadTemplate(named: name)
        } catch {
            throw .template("cannot load template '\(name)': \(error)", at: location)
        }
        guard let source else {
            throw .template("template '\(name)' not found", at: location)
        }
        var template: Template
        do throws(DiagnosticError) {
            template = try Template(name: name, source: source, filters: filters)
            loading.insert(name)
            defer { loading.remove(name) }
            try linkMacros(of: &template)
        } catch {
            throw location.map { error.included(as: name, at: $0) } ?? error
        }
        cache[name] = template
        return template
    }

    /// Loads the templates `template` imports, adds their macros to its own, and checks its calls.
    private func linkMacros(of template: inout Template) throws(DiagnosticError) {
        for importTag in template.imports {
            let imported = try self.template(named: importTag.templateName, includedAt: importTag.location)
            template.addImportedMacros(Array(imported.macros.values))
        }
        resolvedCalls += try MacroCallValidator.validate(template)
    }
}
