import KilnDiagnostics

/// One `|name:arg,arg` step of an expression, with the filter function resolved at parse time so
/// an unknown name is a parse error and rendering does no lookup. A class so evaluation copies
/// one reference.
final class AppliedFilter: Sendable {
    let name: String
    let function: TemplateFilter
    let arguments: [TemplateExpression]
    /// The filter name's location, where its errors are reported.
    let location: SourceLocation

    init(name: String, function: @escaping TemplateFilter, arguments: [TemplateExpression], location: SourceLocation) {
        self.name = name
        self.function = function
        self.arguments = arguments
        self.location = location
    }
}
