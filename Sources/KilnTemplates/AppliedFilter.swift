import KilnDiagnostics

/// One `|name:arg,arg` step of an expression, with the filter function resolved at parse time so
/// an unknown name is a parse error and rendering does no lookup.
struct AppliedFilter: Sendable {
    let name: String
    let function: TemplateFilter
    let arguments: [TemplateExpression]
    /// The filter name's location, where its errors are reported.
    let location: SourceLocation
}
