import KilnDiagnostics

/// Builds the node tree from the lexer's tokens: matches block tags with their end tags and
/// hands each tag's inside to an `ExpressionParser`.
///
/// Tags: `if`/`elif`/`else`/`endif`, `for`/`empty`/`endfor`, `set`, `include … with a=x, y as b`,
/// `indent amount`/`endindent`, `capture name`/`endcapture`, `macro name(a, b)`/`endmacro` and `import "T"` (top level only;
/// lifted out of the nodes into the template's macros and imports), `call name(x, y)`.
/// Templates/README.md describes them for template authors.
struct TemplateParser {
    private let tokens: [TemplateToken]
    private var position = 0
    /// Just past the last character: where an unclosed block is reported.
    private let endLocation: SourceLocation
    private let filters: [String: TemplateFilter]
    /// The template's name, recorded in its macros.
    private let templateName: String
    private var macros: [TemplateMacro] = []
    private var imports: [TemplateImport] = []
    /// Blocks open around the current token: deeper nesting is refused rather than recursed into,
    /// so no input can exhaust the stack.
    private var nesting = 0
    static let maximumNesting = 100

    /// Tags that only continue or close a block; met anywhere else they are "unexpected".
    private static let continuationTags: Set<String> = [
        "elif", "else", "endif", "empty", "endfor", "endindent", "endcapture", "endmacro",
    ]

    /// What a template is made of: its nodes, and the macros and imports lifted out of them.
    struct ParsedTemplate {
        let nodes: [TemplateNode]
        let macros: [TemplateMacro]
        let imports: [TemplateImport]
    }

    static func parse(_ source: TemplateSource, named name: String, filters: [String: TemplateFilter]) throws(DiagnosticError) -> ParsedTemplate {
        let (tokens, end) = try TemplateLexer.tokenize(source)
        var parser = TemplateParser(tokens: tokens, endLocation: end, filters: filters, templateName: name)
        let nodes = try parser.parseTopLevel()
        return ParsedTemplate(nodes: nodes, macros: parser.macros, imports: parser.imports)
    }

    private init(tokens: [TemplateToken], endLocation: SourceLocation, filters: [String: TemplateFilter], templateName: String) {
        self.tokens = tokens
        self.endLocation = endLocation
        self.filters = filters
        self.templateName = templateName
    }

    // MARK: - Bodies

    /// A parsed `{% name … %}` tag whose arguments are still to be read from `arguments`.
    private struct Statement {
        let name: String
        let location: SourceLocation
        /// See `TagContent.standaloneIndentation`.
        let indentation: String
        var arguments: ExpressionParser
    }

    /// The block a body belongs to, for errors about its end.
    private struct OpenBlock {
        let name: String
        let location: SourceLocation
    }

    private mutating func parseTopLevel() throws(DiagnosticError) -> [TemplateNode] {
        try parseNodes(in: nil, until: []).nodes
    }

    /// The body of `block` up to one of `terminators`, which is returned unparsed beyond its name.
    private mutating func parseBody(of block: OpenBlock, until terminators: Set<String>) throws(DiagnosticError) -> ([TemplateNode], Statement) {
        guard nesting < Self.maximumNesting else {
            throw DiagnosticError(.error("blocks nested deeper than \(Self.maximumNesting) levels", at: block.location))
        }
        nesting += 1
        let (nodes, terminator) = try parseNodes(in: block, until: terminators)
        nesting -= 1
        guard let terminator else {
            throw DiagnosticError([
                .error("unclosed '\(block.name)' tag (opened at line \(block.location.line))", at: endLocation),
                .note("'\(block.name)' opened here", at: block.location),
            ])
        }
        return (nodes, terminator)
    }

    private mutating func parseNodes(in block: OpenBlock?, until terminators: Set<String>) throws(DiagnosticError) -> (nodes: [TemplateNode], terminator: Statement?) {
        var nodes: [TemplateNode] = []
        while position < tokens.count {
            let token = tokens[position]
            position += 1
            switch token {
            case .text(let text):
                nodes.append(.text(text))
            case .output(let content):
                var expression = try ExpressionParser(content, closer: "}}", filters: filters)
                nodes.append(.output(try expression.parseExpression()))
                try expression.expectEnd()
            case .statement(let content):
                let statement = try readStatement(content)
                if terminators.contains(statement.name) { return (nodes, statement) }
                if let node = try parseStatement(statement, in: block) { nodes.append(node) }
            }
        }
        return (nodes, nil)
    }

    private func readStatement(_ content: TagContent) throws(DiagnosticError) -> Statement {
        var arguments = try ExpressionParser(content, closer: "%}", filters: filters)
        let (name, _) = try arguments.expectName("a tag name")
        return Statement(
            name: name, location: content.tagLocation, indentation: content.standaloneIndentation, arguments: arguments
        )
    }

    /// The node for `statement`, or `nil` for the tags that only declare (`macro`, `import`).
    private mutating func parseStatement(_ statement: Statement, in block: OpenBlock?) throws(DiagnosticError) -> TemplateNode? {
        switch statement.name {
        case "if": return try parseIf(statement)
        case "for": return try parseFor(statement)
        case "set": return try parseSet(statement)
        case "include": return try parseInclude(statement)
        case "indent": return try parseIndent(statement)
        case "capture": return try parseCapture(statement)
        case "call": return try parseCall(statement)
        case "macro":
            try expectTopLevel(statement, in: block)
            try parseMacro(statement)
            return nil
        case "import":
            try expectTopLevel(statement, in: block)
            try parseImport(statement)
            return nil
        case let name where Self.continuationTags.contains(name):
            let context = block.map { " inside '\($0.name)' (opened at line \($0.location.line))" } ?? ""
            throw DiagnosticError(.error("unexpected '\(name)'\(context)", at: statement.location))
        default:
            throw DiagnosticError(.error("unknown tag '\(statement.name)'", at: statement.location))
        }
    }

    // MARK: - Statements

    private mutating func parseIf(_ opening: Statement) throws(DiagnosticError) -> TemplateNode {
        let block = OpenBlock(name: "if", location: opening.location)
        var branches: [TemplateNode.Conditional.Branch] = []
        var clause = opening
        while true {
            let condition = try clause.arguments.parseExpression()
            try clause.arguments.expectEnd()
            let (body, end) = try parseBody(of: block, until: ["elif", "else", "endif"])
            branches.append(.init(condition: condition, body: body))
            switch end.name {
            case "elif":
                clause = end
            case "else":
                try end.arguments.expectEnd()
                let (elseBody, endif) = try parseBody(of: block, until: ["endif"])
                try endif.arguments.expectEnd()
                return .conditional(.init(branches: branches, elseBody: elseBody))
            default:
                try end.arguments.expectEnd()
                return .conditional(.init(branches: branches, elseBody: []))
            }
        }
    }

    private mutating func parseFor(_ opening: Statement) throws(DiagnosticError) -> TemplateNode {
        var arguments = opening.arguments
        var (valueName, _) = try arguments.expectName("a loop variable name after 'for'")
        var keyName: String?
        if arguments.consumeSymbol(.comma) {
            keyName = valueName
            (valueName, _) = try arguments.expectName("a value variable name after ','")
        }
        try arguments.expectKeyword("in", "after the loop variable")
        let iterable = try arguments.parseFiltered()
        try arguments.expectEnd()

        let block = OpenBlock(name: "for", location: opening.location)
        let (body, end) = try parseBody(of: block, until: ["empty", "endfor"])
        try end.arguments.expectEnd()
        var emptyBody: [TemplateNode] = []
        if end.name == "empty" {
            let (parsed, endfor) = try parseBody(of: block, until: ["endfor"])
            try endfor.arguments.expectEnd()
            emptyBody = parsed
        }
        let loop = TemplateNode.Loop(
            keyName: keyName, valueName: valueName, iterable: iterable, body: body, emptyBody: emptyBody
        )
        return .loop(loop)
    }

    private func parseSet(_ statement: Statement) throws(DiagnosticError) -> TemplateNode {
        var arguments = statement.arguments
        let (name, _) = try arguments.expectName("a variable name after 'set'")
        try arguments.expectSymbol(.assign, "after the variable name")
        let value = try arguments.parseExpression()
        try arguments.expectEnd()
        return .assignment(name: name, value: value)
    }

    private func parseInclude(_ statement: Statement) throws(DiagnosticError) -> TemplateNode {
        var arguments = statement.arguments
        let templateName = try arguments.parseFiltered()
        var bindings: [(name: String, value: TemplateExpression)] = []
        if arguments.consumeKeyword("with") {
            repeat {
                let (name, value, location) = try parseBinding(&arguments)
                guard !bindings.contains(where: { $0.name == name }) else {
                    throw DiagnosticError(.error("'\(name)' is bound twice", at: location))
                }
                bindings.append((name, value))
            } while arguments.consumeSymbol(.comma)
        }
        try arguments.expectEnd()
        return .include(.init(
            templateName: templateName, bindings: bindings, location: statement.location, indentation: statement.indentation
        ))
    }
}

extension TemplateParser {
    /// One include binding: `name=expression`, or `expression as name` (which reads better for
    /// handing a partial the thing it renders: `with property as p`).
    private func parseBinding(_ arguments: inout ExpressionParser) throws(DiagnosticError) -> (String, TemplateExpression, SourceLocation) {
        if arguments.startsNamedBinding {
            let (name, location) = try arguments.expectName("a variable name to bind")
            try arguments.expectSymbol(.assign, "after '\(name)'")
            return (name, try arguments.parseExpression(), location)
        }
        let value = try arguments.parseExpression()
        try arguments.expectKeyword("as", "or '=' in an include binding")
        let (name, location) = try arguments.expectName("a variable name after 'as'")
        return (name, value, location)
    }

    private func expectTopLevel(_ statement: Statement, in block: OpenBlock?) throws(DiagnosticError) {
        guard let block else { return }
        throw DiagnosticError(.error(
            "'\(statement.name)' must be at the top level of a template, not inside '\(block.name)' (opened at line \(block.location.line))",
            at: statement.location
        ))
    }

    // MARK: - Code emission: indent, capture, macro, call, import

    private mutating func parseIndent(_ opening: Statement) throws(DiagnosticError) -> TemplateNode {
        var arguments = opening.arguments
        let amount = try arguments.parseExpression()
        try arguments.expectEnd()
        if case .literal(let value, let location) = amount {
            try IndentationAmount.validate(value, at: location)
        }
        let (body, end) = try parseBody(of: OpenBlock(name: "indent", location: opening.location), until: ["endindent"])
        try end.arguments.expectEnd()
        return .indentation(.init(amount: amount, body: body))
    }

    private mutating func parseCapture(_ opening: Statement) throws(DiagnosticError) -> TemplateNode {
        var arguments = opening.arguments
        let (name, _) = try arguments.expectName("a variable name after 'capture'")
        try arguments.expectEnd()
        let (body, end) = try parseBody(of: OpenBlock(name: "capture", location: opening.location), until: ["endcapture"])
        try end.arguments.expectEnd()
        return .capture(.init(name: name, body: body))
    }

    private mutating func parseMacro(_ opening: Statement) throws(DiagnosticError) {
        var arguments = opening.arguments
        let (name, nameLocation) = try arguments.expectName("a macro name after 'macro'")
        try arguments.expectSymbol(.openParenthesis, "after the macro name")
        var parameters: [String] = []
        if !arguments.consumeSymbol(.closeParenthesis) {
            repeat {
                let (parameter, location) = try arguments.expectName("a parameter name")
                guard !parameters.contains(parameter) else {
                    throw DiagnosticError(.error("parameter '\(parameter)' is declared twice", at: location))
                }
                parameters.append(parameter)
            } while arguments.consumeSymbol(.comma)
            try arguments.expectSymbol(.closeParenthesis, "after the parameters")
        }
        try arguments.expectEnd()
        if let earlier = macros.first(where: { $0.name == name }) {
            throw DiagnosticError([
                .error("macro '\(name)' is defined twice", at: nameLocation),
                .note("'\(name)' first defined here", at: earlier.location),
            ])
        }
        let (body, end) = try parseBody(of: OpenBlock(name: "macro", location: opening.location), until: ["endmacro"])
        try end.arguments.expectEnd()
        macros.append(TemplateMacro(
            name: name, parameters: parameters, body: body, location: opening.location, templateName: templateName
        ))
    }

    private func parseCall(_ statement: Statement) throws(DiagnosticError) -> TemplateNode {
        var arguments = statement.arguments
        let (name, location) = try arguments.expectName("a macro name after 'call'")
        try arguments.expectSymbol(.openParenthesis, "after the macro name")
        var values: [TemplateExpression] = []
        if !arguments.consumeSymbol(.closeParenthesis) {
            repeat {
                values.append(try arguments.parseExpression())
            } while arguments.consumeSymbol(.comma)
            try arguments.expectSymbol(.closeParenthesis, "after the arguments")
        }
        try arguments.expectEnd()
        return .call(.init(name: name, arguments: values, location: location, indentation: statement.indentation))
    }

    private mutating func parseImport(_ statement: Statement) throws(DiagnosticError) {
        var arguments = statement.arguments
        let nameLocation = arguments.currentLocation
        guard case .literal(.string(let name), _) = try arguments.parseFiltered() else {
            throw DiagnosticError(.error("'import' needs a template name in quotes", at: nameLocation))
        }
        try arguments.expectEnd()
        imports.append(TemplateImport(templateName: name, location: statement.location))
    }
}
