import KilnDiagnostics

/// A parsed expression, evaluated by `TemplateRenderer` against the current scopes.
///
/// One grammar serves `{{ }}`, `{% if %}`, `{% set %}` and include bindings:
///
///     expression := and ('or' and)*
///     and        := comparison ('and' comparison)*
///     comparison := unary (('==' | '!=' | '<' | '>' | '<=' | '>=' | 'in' | 'not' 'in') unary)?
///     unary      := 'not' unary | operand
///     operand    := '(' expression ')' | filtered
///     filtered   := primary ('|' name (':' primary (',' primary)*)?)*
///     primary    := path | string | integer | 'true' | 'false' | 'nil' | 'null'
///     path       := name ('.' (name | integer))*
indirect enum TemplateExpression: Sendable {
    case literal(TemplateValue, at: SourceLocation)
    case variable(VariablePath)
    case filter(TemplateExpression, AppliedFilter)
    case not(TemplateExpression, at: SourceLocation)
    case and(TemplateExpression, TemplateExpression)
    case or(TemplateExpression, TemplateExpression)
    /// The location is the operator's: type mismatches are reported there.
    case comparison(ComparisonOperator, TemplateExpression, TemplateExpression, at: SourceLocation)

    /// Where the expression starts: errors about its value (not iterable, not a string) point here.
    var location: SourceLocation {
        switch self {
        case .literal(_, let location), .not(_, let location): return location
        case .variable(let path): return path.location
        case .filter(let base, _), .and(let base, _), .or(let base, _), .comparison(_, let base, _, _): return base.location
        }
    }
}
