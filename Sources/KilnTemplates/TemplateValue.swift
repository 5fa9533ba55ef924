/// A value a template can print, test or loop over.
///
/// Typed on purpose: the generator builds contexts from these cases, so the engine needs no
/// reflection and a context is plain, comparable data that a test can build by hand.
public enum TemplateValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([TemplateValue])
    case dictionary([String: TemplateValue])
    /// A converted view model: reads like a dictionary, without hashing its member names.
    case object(TemplateObject)

    /// Truthiness as in Stencil/Jinja: null, false, 0, "" and empty collections are false.
    public var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let value): return value
        case .int(let value): return value != 0
        case .string(let value): return !value.isEmpty
        case .array(let values): return !values.isEmpty
        case .dictionary(let values): return !values.isEmpty
        case .object(let object): return !object.values.isEmpty
        }
    }

    /// Member lookup for `a.b`: dictionary keys; on arrays `count`, `first`, `last` and integer indices;
    /// on strings `count`. `nil` when there is no such member (the engine reports it with a location).
    public subscript(member name: String) -> TemplateValue? {
        switch self {
        case .dictionary(let values):
            return values[name]
        case .object(let object):
            return object[name]
        case .array(let values):
            switch name {
            case "count": return .int(values.count)
            case "first": return values.first ?? .null
            case "last": return values.last ?? .null
            default:
                guard let index = Int(name), values.indices.contains(index) else { return nil }
                return values[index]
            }
        case .string(let value):
            return name == "count" ? .int(value.count) : nil
        default:
            return nil
        }
    }

    /// How the value prints in `{{ }}`: null prints nothing, booleans as `true`/`false`.
    public var renderedText: String {
        switch self {
        case .null: return ""
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .string(let value): return value
        case .array(let values): return values.map(\.renderedText).joined(separator: ", ")
        case .dictionary, .object: return "[dictionary]"
        }
    }

    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// A dictionary, or a view model's members as one.
    public var dictionaryValue: [String: TemplateValue]? {
        switch self {
        case .dictionary(let entries): return entries
        case .object(let object): return object.dictionary
        default: return nil
        }
    }

    /// The value with every view model written as a dictionary of its members, recursively: what
    /// a model reads like in a template, in a form tests can write as a literal.
    public var withModelsAsDictionaries: TemplateValue {
        switch self {
        case .array(let values): return .array(values.map(\.withModelsAsDictionaries))
        case .dictionary(let entries): return .dictionary(entries.mapValues(\.withModelsAsDictionaries))
        case .object(let object): return .dictionary(object.dictionary.mapValues(\.withModelsAsDictionaries))
        default: return self
        }
    }

    public var arrayValue: [TemplateValue]? {
        if case .array(let values) = self { return values }
        return nil
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .array(elements) }
    public init(nilLiteral: ()) { self = .null }

    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .dictionary(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension TemplateValue {
    /// `nil` becomes `.null`, so optional model fields map directly.
    public init(_ optional: String?) {
        self = optional.map(TemplateValue.string) ?? .null
    }
}

extension TemplateValue {
    /// The case's name as diagnostics print it: `cannot compare int and string`.
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "bool"
        case .int: return "int"
        case .string: return "string"
        case .array: return "array"
        case .dictionary, .object: return "dictionary"
        }
    }

    /// The case's name with an article, for prose: `'name' is a string and has no member 'x'`.
    var kindWithArticle: String {
        switch self {
        case .null: return "null"
        case .int, .array: return "an \(kindName)"
        case .bool, .string, .dictionary, .object: return "a \(kindName)"
        }
    }
}
