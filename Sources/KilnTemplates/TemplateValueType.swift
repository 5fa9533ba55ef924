/// The static type of a template value, as `TemplateViewModel` members declare it and the
/// checker (`TemplateEnvironment.check`) tracks it through loops, `set`s, filters and includes.
public indirect enum TemplateValueType: Sendable, Hashable, CustomStringConvertible {
    /// Unknown (a `TemplateValue` member, a custom filter's result): members of it are not checked.
    case any
    case bool
    case int
    case string
    /// May be null: prints nothing and is false. Member lookups go through to `Wrapped`, as the
    /// engine only fails on them when the value actually is null.
    case optional(TemplateValueType)
    case array(TemplateValueType)
    /// `[String: Value]`: any key is a member.
    case dictionary(TemplateValueType)
    case viewModel(any TemplateViewModel.Type)

    public static func == (lhs: TemplateValueType, rhs: TemplateValueType) -> Bool {
        switch (lhs, rhs) {
        case (.any, .any), (.bool, .bool), (.int, .int), (.string, .string): return true
        case (.optional(let left), .optional(let right)), (.array(let left), .array(let right)),
            (.dictionary(let left), .dictionary(let right)):
            return left == right
        case (.viewModel(let left), .viewModel(let right)): return ObjectIdentifier(left) == ObjectIdentifier(right)
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .any: hasher.combine(0)
        case .bool: hasher.combine(1)
        case .int: hasher.combine(2)
        case .string: hasher.combine(3)
        case .optional(let wrapped): hasher.combine(4); hasher.combine(wrapped)
        case .array(let element): hasher.combine(5); hasher.combine(element)
        case .dictionary(let value): hasher.combine(6); hasher.combine(value)
        case .viewModel(let type): hasher.combine(ObjectIdentifier(type))
        }
    }

    /// How diagnostics spell the type: `[CaseView]`, `String?`.
    public var description: String {
        switch self {
        case .any: return "any value"
        case .bool: return "Bool"
        case .int: return "Int"
        case .string: return "String"
        case .optional(let wrapped): return "\(wrapped)?"
        case .array(let element): return "[\(element)]"
        case .dictionary(let value): return "[String: \(value)]"
        case .viewModel(let type): return type.templateTypeName
        }
    }

    /// The type with any optionality removed: what member lookups and loops work on.
    var unwrapped: TemplateValueType {
        if case .optional(let wrapped) = self { return wrapped.unwrapped }
        return self
    }
}
