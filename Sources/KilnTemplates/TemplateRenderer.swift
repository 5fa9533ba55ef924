import KilnDiagnostics

/// Runs a parsed template against a context, appending everything to one `output` buffer of UTF-8
/// bytes (a `String` append cost ~300 instructions of bookkeeping each, a tenth of a run).
///
/// One renderer serves one `render` call, includes and all; expression evaluation lives in
/// `TemplateRenderer+Expressions.swift`.
struct TemplateRenderer {
    /// Deeper includes and macro calls (together) are taken for runaway recursion rather than a
    /// real template structure.
    static let maximumIncludeDepth = 64

    let environment: TemplateEnvironment
    /// The caller's context: the outermost names, below every scope.
    let globals: [String: TemplateValue]
    /// Innermost last. Never empty: the first scope holds top-level `set`s, so they never write
    /// into the caller's context.
    private(set) var scopes: [RenderScope] = [RenderScope()]
    /// The lowest scope names are looked up in: a macro body sees its own scopes and the globals,
    /// not its caller's (see `TemplateMacro`).
    private(set) var scopeFloor = 0
    /// The macros `{% call %}` reaches: those of the template (or macro's template) being rendered.
    private var macros: [String: TemplateMacro]
    private var includeDepth = 0
    private(set) var output: [UInt8] = []
    /// Spare output buffers for indented includes (see `renderIndented`).
    private var indentBuffers: [[UInt8]] = []

    init(environment: TemplateEnvironment, context: [String: TemplateValue], macros: [String: TemplateMacro]) {
        self.environment = environment
        self.globals = context
        self.macros = macros
    }

    mutating func render(_ nodes: [TemplateNode]) throws(DiagnosticError) {
        // Indexing rather than `for node in nodes`: the element is then borrowed in place instead
        // of copied out, which saves a retain/release pair per node in the innermost loop.
        for index in nodes.indices {
            switch nodes[index] {
            case .text(let text):
                output.append(contentsOf: text.utf8)
            case .output(let expression):
                output.append(contentsOf: try evaluate(expression).renderedText.utf8)
            case .conditional(let conditional):
                try render(conditional)
            case .loop(let loop):
                try render(loop)
            case .assignment(let name, let expression):
                let value = try evaluate(expression)
                scopes[scopes.count - 1].bind(name, to: value)
            case .include(let include):
                try render(include)
            case .call(let call):
                try render(call)
            case .indentation(let block):
                try render(block)
            case .capture(let capture):
                try render(capture)
            }
        }
    }

    private mutating func render(_ conditional: TemplateNode.Conditional) throws(DiagnosticError) {
        for branch in conditional.branches {
            if try evaluate(branch.condition).isTruthy { return try render(branch.body) }
        }
        try render(conditional.elseBody)
    }

    // MARK: - Loops

    private mutating func render(_ loop: TemplateNode.Loop) throws(DiagnosticError) {
        let iterable = try evaluate(loop.iterable)
        if let keyName = loop.keyName {
            guard let dictionary = iterable.dictionaryValue else {
                throw .template(
                    "'for \(keyName), \(loop.valueName) in' needs a dictionary, got \(iterable.kindName)",
                    at: loop.iterable.location
                )
            }
            // Sorted, so generated files do not change with dictionary hash order.
            let entries = dictionary.sorted { $0.key < $1.key }
            try iterate(loop, count: entries.count, variables: [keyName, loop.valueName]) { index in
                (.string(entries[index].key), entries[index].value)
            }
        } else {
            guard case .array(let items) = iterable else {
                throw .template(notIterableMessage(iterable), at: loop.iterable.location)
            }
            try iterate(loop, count: items.count, variables: [loop.valueName]) { index in (items[index], nil) }
        }
    }

    /// Renders the body once per element, or the `{% empty %}` body (in the enclosing scope) for
    /// none. `element` gives the loop variables' values for an index.
    private mutating func iterate(
        _ loop: TemplateNode.Loop,
        count: Int,
        variables: [String],
        element: (Int) -> (TemplateValue, TemplateValue?)
    ) throws(DiagnosticError) {
        guard count > 0 else { return try render(loop.emptyBody) }
        scopes.append(RenderScope(loopVariables: variables, length: count))
        let scope = scopes.count - 1
        for index in 0..<count {
            let (first, second) = element(index)
            scopes[scope].beginIteration(index, binding: first, second)
            try render(loop.body)
        }
        scopes.removeLast()
    }

    private func notIterableMessage(_ value: TemplateValue) -> String {
        if value.dictionaryValue != nil {
            return "'for' over a dictionary needs two loop variables: 'for key, value in …'"
        }
        return "'for' needs an array, got \(value.kindName)"
    }

    // MARK: - Includes

    private func includedTemplate(_ include: TemplateNode.Include) throws(DiagnosticError) -> Template {
        if let loaded = include.loadedTemplate { return loaded }
        let nameValue = try evaluate(include.templateName)
        guard case .string(let name) = nameValue else {
            throw .template("include needs a template name string, got \(nameValue.kindName)", at: include.templateName.location)
        }
        let template = try environment.template(named: name, includedAt: include.location)
        environment.remember(template, for: include)
        return template
    }

    private mutating func render(_ include: TemplateNode.Include) throws(DiagnosticError) {
        let template = try includedTemplate(include)
        let name = template.name
        guard includeDepth < Self.maximumIncludeDepth else {
            throw .template(
                "include of '\(name)' nested deeper than \(Self.maximumIncludeDepth) levels; does a template include itself?",
                at: include.location
            )
        }
        // Bindings are evaluated in the including scope, then form the included template's scope,
        // so its `set`s stay inside it too.
        var scope = RenderScope()
        for binding in include.bindings {
            scope.bind(binding.name, to: try evaluate(binding.value))
        }
        scopes.append(scope)
        includeDepth += 1
        let enclosingMacros = macros
        macros = template.macros
        do throws(DiagnosticError) {
            try render(template.nodes, indentedBy: include.indentation)
        } catch {
            throw error.included(as: name, at: include.location)
        }
        macros = enclosingMacros
        includeDepth -= 1
        scopes.removeLast()
    }

    // MARK: - Macros and indentation

    private mutating func render(_ call: TemplateNode.MacroCall) throws(DiagnosticError) {
        // The environment resolved and checked calls when it loaded the template; the lookup is a
        // fallback, and a miss there is a bug.
        guard let macro = call.macro ?? macros[call.name], macro.parameters.count == call.arguments.count else {
            throw .template("unknown macro '\(call.name)'", at: call.location)
        }
        guard includeDepth < Self.maximumIncludeDepth else {
            throw .template(
                "call of macro '\(call.name)' nested deeper than \(Self.maximumIncludeDepth) levels; does it call itself without end?",
                at: call.location
            )
        }
        var values: [TemplateValue] = []
        values.reserveCapacity(call.arguments.count)
        for argument in call.arguments {
            values.append(try evaluate(argument))
        }
        let enclosingFloor = scopeFloor
        scopes.append(RenderScope(parameters: macro.parameters, values: values))
        scopeFloor = scopes.count - 1
        // The body's own calls were resolved when its template loaded; only an unresolved call
        // needs the macros the body can reach.
        let enclosingMacros = call.macro == nil ? macros : nil
        if enclosingMacros != nil {
            macros = try environment.template(named: macro.templateName, includedAt: call.location).macros
        }
        includeDepth += 1
        do throws(DiagnosticError) {
            try render(macro.body, indentedBy: call.indentation)
        } catch {
            throw error.called(macro.name, at: call.location)
        }
        includeDepth -= 1
        if let enclosingMacros { macros = enclosingMacros }
        scopeFloor = enclosingFloor
        scopes.removeLast()
    }

    private mutating func render(_ block: TemplateNode.IndentedBlock) throws(DiagnosticError) {
        let amount = try evaluate(block.amount)
        switch IndentationAmount.text(for: amount) {
        case .success(let indentation):
            try render(block.body, indentedBy: indentation)
        case .failure(let error):
            throw .template(error.message, at: block.amount.location)
        }
    }

    /// Renders the body into a buffer of its own, which becomes the variable's value (so it is
    /// not returned to `indentBuffers`).
    private mutating func render(_ capture: TemplateNode.Capture) throws(DiagnosticError) {
        var captured: [UInt8] = []
        swap(&captured, &output)
        try render(capture.body)
        swap(&captured, &output)
        scopes[scopes.count - 1].bind(capture.name, to: .string(String(decoding: captured, as: UTF8.self)))
    }

    private mutating func render(_ nodes: [TemplateNode], indentedBy indentation: String) throws(DiagnosticError) {
        if indentation.isEmpty {
            try render(nodes)
        } else {
            try renderIndented(nodes, by: indentation)
        }
    }

    /// Renders `nodes` into a buffer of their own, then appends it with every non-empty line
    /// indented. The include tag's line vanished, so the first line starts a line and is indented
    /// too; blank lines stay empty, so generated code gets no trailing whitespace.
    private mutating func renderIndented(_ nodes: [TemplateNode], by indentation: String) throws(DiagnosticError) {
        // Buffers are swapped, not copied, and reused per include depth, so an indented include
        // costs one pass over its text and no allocation once the buffers have grown.
        var enclosing = takeIndentBuffer()
        swap(&enclosing, &output)
        try render(nodes)
        swap(&enclosing, &output)
        appendIndented(enclosing, by: indentation)
        returnIndentBuffer(enclosing)
    }

    private mutating func appendIndented(_ text: [UInt8], by indentation: String) {
        var lineStart = 0
        while lineStart < text.count {
            let end = text[lineStart...].firstIndex(of: ASCII.newline) ?? text.count
            let lineLength = end - lineStart
            // `\r` alone is the blank line of CRLF text.
            if lineLength > 0 && !(lineLength == 1 && text[lineStart] == UInt8(ascii: "\r")) {
                output.append(contentsOf: indentation.utf8)
            }
            let next = min(end + 1, text.count)
            output.append(contentsOf: text[lineStart..<next])
            lineStart = next
        }
    }

    private mutating func takeIndentBuffer() -> [UInt8] {
        indentBuffers.popLast() ?? []
    }

    private mutating func returnIndentBuffer(_ buffer: [UInt8]) {
        var buffer = buffer
        buffer.removeAll(keepingCapacity: true)
        indentBuffers.append(buffer)
    }
}
