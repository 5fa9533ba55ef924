/// How a value's Swift type is spelled where it is used (property, parameter, body, payload).
public indirect enum IRTypeReference: Sendable, Hashable {
    /// A generated type, by its (possibly nested, dot-separated) Swift name.
    case named(String)
    case builtin(IRBuiltinType)
    case array(IRTypeReference)
    /// A JSON object with arbitrary keys: `[String: Value]`.
    case dictionary(IRTypeReference)

    /// The Swift spelling, e.g. `[String: [UiNode]]`.
    public var swiftName: String {
        switch self {
        case .named(let name): return name
        case .builtin(let builtin): return builtin.rawValue
        case .array(let element): return "[\(element.swiftName)]"
        case .dictionary(let value): return "[String: \(value.swiftName)]"
        }
    }
}

/// Swift and Foundation types the generated code uses directly, plus the generated `JSONValue` and `HTTPBody`.
public enum IRBuiltinType: String, Sendable, Hashable {
    case string = "String"
    case int = "Int"
    case int32 = "Int32"
    case int64 = "Int64"
    case double = "Double"
    case float = "Float"
    case bool = "Bool"
    case date = "Date"
    case uuid = "UUID"
    case data = "Data"
    case json = "JSONValue"
    /// Bytes that stream (`Support/HTTPBody.swift`): a binary request or response body, never read
    /// into memory unless the caller asks.
    case body = "HTTPBody"
}

extension IRTypeReference {
    /// `Data` as `HTTPBody`, also as an array's elements; any other type as it is.
    var streamingBytes: IRTypeReference {
        switch self {
        case .builtin(.data): return .builtin(.body)
        case .array(let element): return .array(element.streamingBytes)
        case .named, .builtin, .dictionary: return self
        }
    }
}
