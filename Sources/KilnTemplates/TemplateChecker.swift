import KilnDiagnostics

/// Walks a template's nodes with the static types of the names in scope, reporting every member
/// or variable a render could not find: `Struct.stencil:12:8: error: 'StructView' has no member
/// 'propertys' (did you mean 'properties'?)`. Used through `TemplateEnvironment.check`.
///
/// What it tracks, mirroring `TemplateRenderer`:
/// - the top-level names (the view model's members), loop variables (the element type of what is
///   iterated; `forloop` and its members, `parentloop` included), `{% set %}` (the value's type,
///   from then on in the same scope), `{% capture %}` (a string, likewise), include bindings and
///   macro parameters;
/// - filter results: built-in filters have known result types (`BuiltinFilterTypes`), as do
///   custom ones given to the environment with one; any other filter yields `.any`;
/// - `{% include %}` with a quoted name: the included template is checked in the including scope
///   (plus its bindings), each distinct scope once, so a recursive include ends;
/// - `{% call %}`: the macro body with its parameters typed by the arguments, once per distinct
///   argument types.
///
/// What it leaves alone, because only the data decides: members of `.any` values; whether an
/// optional is null (using a member of an optional outside an `if` is allowed, as the engine only
/// fails when the value actually is null); includes whose name is an expression.
struct TemplateChecker {
    let environment: TemplateEnvironment
    let globals: [String: TemplateValueType]
    private(set) var log = DiagnosticLog()
    private var scopes: [CheckScope] = [CheckScope()]
    /// As `TemplateRenderer.scopeFloor`: a macro body sees its own scopes and the globals only.
    private var scopeFloor = 0
    private var macros: [String: TemplateMacro] = [:]
    /// "included from here" / "called from here" notes for the includes and calls being checked,
    /// outermost first; added to every error found inside them.
    private var chain: [Diagnostic] = []
    /// Each template or macro is checked once per distinct visible scope.
    private var visited: Set<Visit> = []
    /// Errors already reported, so a partial included from several places reports a problem once.
    private var reported: Set<Diagnostic> = []
    private var memberTypesCache: [ObjectIdentifier: [String: TemplateValueType]] = [:]

    private struct Visit: Hashable {
        /// A template name, or `template#macro`.
        let target: String
        let scopes: [CheckScope]
    }

    init(environment: TemplateEnvironment, globals: [String: TemplateValueType]) {
        self.environment = environment
        self.globals = globals
    }

    mutating func check(_ template: Template) {
        macros = template.macros
        check(template.nodes)
    }

    // MARK: - Nodes

    private mutating func check(_ nodes: [TemplateNode]) {
        for node in nodes {
            switch node {
            case .text:
                break
            case .output(let expression):
                checkPrintable(expression)
            case .conditional(let conditional):
                for branch in conditional.branches {
                    _ = type(of: branch.condition)
                    check(branch.body)
                }
                check(conditional.elseBody)
            case .loop(let loop):
                check(loop)
            case .assignment(let name, let value):
                let valueType = type(of: value)
                scopes[scopes.count - 1].bind(name, to: valueType)
            case .include(let include):
                check(include)
            case .call(let call):
                check(call)
            case .indentation(let block):
                _ = type(of: block.amount)
                check(block.body)
            case .capture(let capture):
                check(capture.body)
                scopes[scopes.count - 1].bind(capture.name, to: .string)
            }
        }
    }

    /// A view model prints as `[dictionary]`: always a slip for one of its members.
    private mutating func checkPrintable(_ expression: TemplateExpression) {
        let printed = type(of: expression)
        switch printed.unwrapped {
        case .viewModel, .dictionary:
            report("'\(printed)' cannot be printed (it would print '[dictionary]'); print one of its members", at: expression.location)
        default:
            break
        }
    }

    private mutating func check(_ loop: TemplateNode.Loop) {
        let iterated = type(of: loop.iterable)
        var scope = CheckScope(isLoop: true)
        if let keyName = loop.keyName {
            scope.bind(keyName, to: .string)
            scope.bind(loop.valueName, to: entryType(of: iterated, loop))
        } else {
            scope.bind(loop.valueName, to: elementType(of: iterated, loop))
        }
        scopes.append(scope)
        check(loop.body)
        scopes.removeLast()
        check(loop.emptyBody)
    }

    private mutating func elementType(of iterated: TemplateValueType, _ loop: TemplateNode.Loop) -> TemplateValueType {
        switch iterated.unwrapped {
        case .array(let element): return element
        case .any: return .any
        case .dictionary, .viewModel:
            report("'for' over '\(iterated)' needs two loop variables: 'for key, value in …'", at: loop.iterable.location)
        case .bool, .int, .string:
            report("'for' needs an array, got '\(iterated)'", at: loop.iterable.location)
        case .optional:
            break
        }
        return .any
    }

    private mutating func entryType(of iterated: TemplateValueType, _ loop: TemplateNode.Loop) -> TemplateValueType {
        switch iterated.unwrapped {
        case .dictionary(let value): return value
        case .any, .viewModel: return .any
        default:
            report("'for \(loop.keyName ?? ""), \(loop.valueName) in' needs a dictionary, got '\(iterated)'", at: loop.iterable.location)
            return .any
        }
    }

    // MARK: - Includes and macros

    private mutating func check(_ include: TemplateNode.Include) {
        var scope = CheckScope()
        for binding in include.bindings {
            scope.bind(binding.name, to: type(of: binding.value))
        }
        guard case .literal(.string(let name), _) = include.templateName else {
            _ = type(of: include.templateName)
            return
        }
        let template: Template
        do throws(DiagnosticError) {
            template = try environment.template(named: name, includedAt: include.location)
        } catch {
            for diagnostic in error.diagnostics where diagnostic.severity == .error {
                report(diagnostic.message, at: diagnostic.location)
            }
            return
        }
        let note = Diagnostic.note("'\(name)' included from here", at: include.location)
        enter(scope, floor: scopeFloor, target: name, macros: template.macros, note: note) { checker in
            checker.check(template.nodes)
        }
    }

    private mutating func check(_ call: TemplateNode.MacroCall) {
        var scope = CheckScope()
        let argumentTypes = call.arguments.map { type(of: $0) }
        // Unknown macros and argument counts were reported when the template was loaded.
        guard let macro = macros[call.name], macro.parameters.count == argumentTypes.count else { return }
        for (parameter, argumentType) in zip(macro.parameters, argumentTypes) {
            scope.bind(parameter, to: argumentType)
        }
        let macroTable: [String: TemplateMacro]
        do throws(DiagnosticError) {
            macroTable = try environment.template(named: macro.templateName, includedAt: call.location).macros
        } catch {
            return
        }
        let note = Diagnostic.note("in macro '\(macro.name)' called from here", at: call.location)
        enter(scope, floor: scopes.count, target: "\(macro.templateName)#\(macro.name)", macros: macroTable, note: note) { checker in
            checker.check(macro.body)
        }
    }

    /// Runs `body` in `scope` (pushed over the current ones, names below `floor` hidden) unless
    /// `target` was already checked with the same visible scopes, or the chain is too deep.
    private mutating func enter(
        _ scope: CheckScope,
        floor: Int,
        target: String,
        macros macroTable: [String: TemplateMacro],
        note: Diagnostic,
        _ body: (inout TemplateChecker) -> Void
    ) {
        let enclosing = (floor: scopeFloor, macros: macros)
        scopes.append(scope)
        scopeFloor = floor
        let visit = Visit(target: target, scopes: Array(scopes[scopeFloor...]))
        if chain.count < TemplateRenderer.maximumIncludeDepth && visited.insert(visit).inserted {
            macros = macroTable
            chain.append(note)
            body(&self)
            chain.removeLast()
        }
        scopes.removeLast()
        scopeFloor = enclosing.floor
        macros = enclosing.macros
    }

    // MARK: - Reporting

    mutating func report(_ message: String, at location: SourceLocation?) {
        let error = Diagnostic.error(message, at: location)
        guard reported.insert(error).inserted else { return }
        log.append(error)
        log.append(contentsOf: Array(chain.reversed().prefix(DiagnosticError.maximumIncludeNotes)))
    }

    // MARK: - Scope lookups (used by TemplateChecker+Expressions)

    /// What a name resolves to: a typed value, or the `forloop` of the loop scope at an index.
    enum Resolved {
        case value(TemplateValueType)
        case loop(scopeIndex: Int)
    }

    func lookUp(_ name: String) -> Resolved? {
        for index in (scopeFloor..<scopes.count).reversed() {
            if let type = scopes[index].type(named: name) { return .value(type) }
            if name == "forloop" && scopes[index].isLoop { return .loop(scopeIndex: index) }
        }
        return globals[name].map(Resolved.value)
    }

    /// Every name visible here, for "did you mean" on an undefined variable.
    var visibleNames: [String] {
        scopes[scopeFloor...].flatMap(\.names) + globals.keys
    }

    func parentLoop(below scopeIndex: Int) -> Int? {
        scopes[scopeFloor..<scopeIndex].lastIndex(where: \.isLoop)
    }

    mutating func memberTypes(of model: any TemplateViewModel.Type) -> [String: TemplateValueType] {
        let key = ObjectIdentifier(model)
        if let cached = memberTypesCache[key] { return cached }
        let types = model.memberTypes
        memberTypesCache[key] = types
        return types
    }
}
