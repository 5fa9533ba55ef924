/// The result type of each filter in `BuiltinFilters`, for the checker: what `{% set n = xs|count %}`
/// binds, what `{% for l in text|lines %}` iterates. Any other filter yields `.any`, whose members
/// are not checked, unless the environment was told its result type.
enum BuiltinFilterTypes {
    static func resultType(of name: String, input: TemplateValueType, arguments: [TemplateValueType]) -> TemplateValueType {
        switch name {
        case "upper", "lower", "capitalize", "lowerFirst", "trim", "replace", "indent", "join", "argumentList":
            return .string
        case "lines":
            return .array(.string)
        case "count":
            return .int
        case "isEmpty":
            return .bool
        case "first", "last":
            return element(of: input.unwrapped)
        case "reverse":
            return input.unwrapped
        case "default":
            // The value, or the fallback when it is null: one type when both agree.
            let value = input.unwrapped
            return arguments.first.map { $0.unwrapped == value ? value : .any } ?? value
        default:
            return .any
        }
    }

    /// `first`/`last`: null for an empty array, a one-character string for a string.
    private static func element(of input: TemplateValueType) -> TemplateValueType {
        switch input {
        case .array(let element): return .optional(element)
        case .string: return .string
        default: return .any
        }
    }
}
