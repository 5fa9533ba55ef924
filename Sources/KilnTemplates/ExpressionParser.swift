import KilnDiagnostics

/// Parses the tokens of one tag: the statement parts (`for x in`, `set x =`, …) through the
/// `expect…`/`consume…` helpers, and expressions with the grammar on `TemplateExpression`.
///
/// Precedence, tightest first: `not`, comparisons, `and`, `or`. Because `not` binds to the
/// operand right after it, `not a == b` would silently compare `not a` with `b`; that spelling
/// is rejected with a hint to write `not (a == b)` or `a != b`.
struct ExpressionParser {
    /// Words that cannot name a variable (they may still name a member: `param.in`).
    static let keywords: Set<String> = ["and", "or", "not", "in", "true", "false", "nil", "null"]

    private let tokens: [ExpressionToken]
    private var position = 0
    private let endLocation: SourceLocation
    /// `}}` or `%}`, for "expected end of tag" messages.
    private let closer: String
    private let filters: [String: TemplateFilter]
    /// How many `not`s and parentheses enclose the current token.
    private var nesting = 0

    init(_ content: TagContent, closer: String, filters: [String: TemplateFilter]) throws(DiagnosticError) {
        tokens = try ExpressionLexer.tokenize(content)
        endLocation = content.endLocation
        self.closer = closer
        self.filters = filters
    }

    // MARK: - Statement helpers

    var isAtEnd: Bool { position >= tokens.count }

    /// The location of the next token, or of the end of the tag.
    var currentLocation: SourceLocation { current?.location ?? endLocation }

    private var current: ExpressionToken? { position < tokens.count ? tokens[position] : nil }

    private func peek(_ offset: Int) -> ExpressionToken? {
        position + offset < tokens.count ? tokens[position + offset] : nil
    }

    func isKeyword(_ keyword: String) -> Bool { current?.identifier == keyword }

    mutating func consumeKeyword(_ keyword: String) -> Bool {
        guard isKeyword(keyword) else { return false }
        position += 1
        return true
    }

    mutating func consumeSymbol(_ symbol: ExpressionSymbol) -> Bool {
        guard current?.kind == .symbol(symbol) else { return false }
        position += 1
        return true
    }

    mutating func expectKeyword(_ keyword: String, _ context: String) throws(DiagnosticError) {
        guard consumeKeyword(keyword) else { throw expected("'\(keyword)' \(context)") }
    }

    mutating func expectSymbol(_ symbol: ExpressionSymbol, _ context: String) throws(DiagnosticError) {
        guard consumeSymbol(symbol) else { throw expected("'\(symbol.rawValue)' \(context)") }
    }

    /// A name that can be bound (a loop variable, a `set` target): an identifier, not a keyword.
    mutating func expectName(_ what: String) throws(DiagnosticError) -> (String, SourceLocation) {
        guard let token = current, let name = token.identifier, !Self.keywords.contains(name) else {
            throw expected(what)
        }
        position += 1
        return (name, token.location)
    }

    /// Whether the next tokens are `name =` (a named binding) rather than an expression.
    var startsNamedBinding: Bool {
        current?.identifier != nil && peek(1)?.kind == .symbol(.assign)
    }

    /// Fails unless every token was used: `{{ a b }}` must not quietly print `a`.
    func expectEnd() throws(DiagnosticError) {
        guard let token = current else { return }
        throw DiagnosticError(.error("unexpected \(token.quoted); expected '\(closer)'", at: token.location))
    }

    /// `expected X` at the next token (naming it) or at the end of the tag.
    func expected(_ what: String) -> DiagnosticError {
        let found = current.map { ", found \($0.quoted)" } ?? ""
        return DiagnosticError(.error("expected \(what)\(found)", at: currentLocation))
    }

    // MARK: - Conditions

    /// A full expression: `a or b and not c == d`.
    mutating func parseExpression() throws(DiagnosticError) -> TemplateExpression {
        var result = try parseAnd()
        while consumeKeyword("or") {
            result = .or(result, try parseAnd())
        }
        return result
    }

    private mutating func parseAnd() throws(DiagnosticError) -> TemplateExpression {
        var result = try parseComparison()
        while consumeKeyword("and") {
            result = .and(result, try parseComparison())
        }
        return result
    }

    private mutating func parseComparison() throws(DiagnosticError) -> TemplateExpression {
        let notToken = isKeyword("not") ? current : nil
        let left = try parseUnary()
        guard let (comparison, location) = consumeComparisonOperator() else { return left }
        if let notToken {
            let spelled = comparison.rawValue
            throw DiagnosticError(.error(
                "ambiguous 'not' before '\(spelled)': 'not' applies only to the operand after it; "
                    + "write 'not (a \(spelled) b)' to negate the comparison or '(not a) \(spelled) b' to compare the negation",
                at: notToken.location
            ))
        }
        let right = try parseUnary()
        if let next = current, peekComparisonOperator() != nil {
            throw DiagnosticError(.error("comparisons cannot be chained; combine them with 'and'", at: next.location))
        }
        return .comparison(comparison, left, right, at: location)
    }

    private mutating func parseUnary() throws(DiagnosticError) -> TemplateExpression {
        // `not` and `(` recurse: bounded, so no input can exhaust the stack.
        guard nesting < TemplateParser.maximumNesting else {
            throw DiagnosticError(.error("expression nested deeper than \(TemplateParser.maximumNesting) levels", at: currentLocation))
        }
        nesting += 1
        defer { nesting -= 1 }
        if let token = current, consumeKeyword("not") {
            return .not(try parseUnary(), at: token.location)
        }
        if let open = current, consumeSymbol(.openParenthesis) {
            let inner = try parseExpression()
            guard consumeSymbol(.closeParenthesis) else {
                throw expected("')' to close '(' at \(open.location.line):\(open.location.column)")
            }
            return inner
        }
        return try parseFiltered()
    }

    /// The operator at the current token, and how many tokens it spans (`not in` is two).
    private func peekComparisonOperator() -> (ComparisonOperator, Int)? {
        guard let token = current else { return nil }
        switch token.kind {
        case .symbol(let symbol):
            return ComparisonOperator(symbol).map { ($0, 1) }
        case .identifier("in"):
            return (.contains, 1)
        case .identifier("not") where peek(1)?.identifier == "in":
            return (.notContains, 2)
        default:
            return nil
        }
    }

    private mutating func consumeComparisonOperator() -> (ComparisonOperator, SourceLocation)? {
        guard let token = current, let (comparison, length) = peekComparisonOperator() else { return nil }
        position += length
        return (comparison, token.location)
    }

    // MARK: - Filtered values

    /// `primary|filter:arg,arg|filter`: what `{{ }}` prints and `for` iterates.
    mutating func parseFiltered() throws(DiagnosticError) -> TemplateExpression {
        var result = try parsePrimary()
        while consumeSymbol(.pipe) {
            result = .filter(result, try parseFilter())
        }
        return result
    }

    private mutating func parseFilter() throws(DiagnosticError) -> AppliedFilter {
        guard let token = current, let name = token.identifier else {
            throw expected("a filter name after '|'")
        }
        guard let function = filters[name] else {
            throw DiagnosticError(.error("unknown filter '\(name)'", at: token.location))
        }
        position += 1
        var arguments: [TemplateExpression] = []
        if consumeSymbol(.colon) {
            arguments.append(try parsePrimary())
            while startsAnotherArgument(), consumeSymbol(.comma) {
                arguments.append(try parsePrimary())
            }
        }
        return AppliedFilter(name: name, function: function, arguments: arguments, location: token.location)
    }

    /// Whether a `,` continues the filter's arguments. In `with a=x|join:",", b=y` the comma
    /// before `b=` separates include bindings instead.
    private func startsAnotherArgument() -> Bool {
        guard current?.kind == .symbol(.comma) else { return false }
        // `with x|join:",", y as z`: the `as` after the next name shows a binding starts too.
        let startsBinding = peek(1)?.identifier != nil
            && (peek(2)?.kind == .symbol(.assign) || peek(2)?.identifier == "as")
        return !startsBinding
    }

    private mutating func parsePrimary() throws(DiagnosticError) -> TemplateExpression {
        guard let token = current else { throw expected("an expression") }
        switch token.kind {
        case .string(let value):
            position += 1
            return .literal(.string(value), at: token.location)
        case .integer(let value):
            position += 1
            return .literal(.int(value), at: token.location)
        case .identifier(let name):
            if let value = Self.literal(named: name) {
                position += 1
                return .literal(value, at: token.location)
            }
            guard !Self.keywords.contains(name) else { throw expected("an expression") }
            position += 1
            return .variable(try parsePath(root: name, at: token.location))
        case .symbol:
            throw expected("an expression")
        }
    }

    private static func literal(named name: String) -> TemplateValue? {
        switch name {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "nil", "null": return .null
        default: return nil
        }
    }

    private mutating func parsePath(root: String, at location: SourceLocation) throws(DiagnosticError) -> VariablePath {
        var members: [(name: String, location: SourceLocation)] = []
        while consumeSymbol(.dot) {
            guard let token = current else { throw expected("a member name after '.'") }
            switch token.kind {
            // Any word is a member, keywords included: OpenAPI parameters have an `in` field.
            case .identifier(let name):
                members.append((name, token.location))
            case .integer(let index) where index >= 0:
                members.append((String(index), token.location))
            default:
                throw expected("a member name after '.'")
            }
            position += 1
        }
        return VariablePath(root: root, location: location, members: members)
    }
}
