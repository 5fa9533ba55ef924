import KilnDiagnostics

/// Builds the node tree from the lexer's tokens: matches block tags with their end tags and
/// hands each tag's inside to an `ExpressionParser`.
struct TemplateParser {
    private let tokens: [TemplateToken]
    private var position = 0
    /// Just past the last character: where an unclosed block is reported.
    private let endLocation: SourceLocation
    private let filters: [String: TemplateFilter]

    /// Tags that only continue or close a block; met anywhere else they are "unexpected".
    private static let continuationTags: Set<String> = ["elif", "else", "endif", "empty", "endfor"]

    static func parse(_ source: TemplateSource, filters: [String: TemplateFilter]) throws(DiagnosticError) -> [TemplateNode] {
        let (tokens, end) = try TemplateLexer.tokenize(source)
        var parser = TemplateParser(tokens: tokens, endLocation: end, filters: filters)
        return try parser.parseTopLevel()
    }

    private init(tokens: [TemplateToken], endLocation: SourceLocation, filters: [String: TemplateFilter]) {
        self.tokens = tokens
        self.endLocation = endLocation
        self.filters = filters
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
        let (nodes, terminator) = try parseNodes(in: block, until: terminators)
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
                nodes.append(try parseStatement(statement, in: block))
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

    private mutating func parseStatement(_ statement: Statement, in block: OpenBlock?) throws(DiagnosticError) -> TemplateNode {
        switch statement.name {
        case "if": return try parseIf(statement)
        case "for": return try parseFor(statement)
        case "set": return try parseSet(statement)
        case "include": return try parseInclude(statement)
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
                let (name, location) = try arguments.expectName("a variable name to bind")
                guard !bindings.contains(where: { $0.name == name }) else {
                    throw DiagnosticError(.error("'\(name)' is bound twice", at: location))
                }
                try arguments.expectSymbol(.assign, "after '\(name)'")
                bindings.append((name, try arguments.parseExpression()))
            } while arguments.consumeSymbol(.comma)
        }
        try arguments.expectEnd()
        return .include(.init(
            templateName: templateName, bindings: bindings, location: statement.location, indentation: statement.indentation
        ))
    }
}
