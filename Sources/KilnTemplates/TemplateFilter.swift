/// A filter applied with `value|name:arg1,arg2`: receives the value and the evaluated arguments.
///
/// Throw `TemplateFilterError` for bad input or arguments; the engine reports it at the filter's
/// place in the template, prefixed with the filter's name.
public typealias TemplateFilter = @Sendable (_ value: TemplateValue, _ arguments: [TemplateValue]) throws -> TemplateValue
