import KilnOpenAPI

/// The value constraints of a schema that a client can check before sending: bounds, lengths, a
/// pattern and item counts. Only the keywords that apply to the schema's type are kept.
public struct IRConstraints: Sendable, Hashable {
    public var minimum: Double?
    public var exclusiveMinimum = false
    public var maximum: Double?
    public var exclusiveMaximum = false
    public var minLength: Int?
    public var maxLength: Int?
    /// An ECMA-262 regular expression the whole value must contain a match of (JSON Schema semantics).
    public var pattern: String?
    public var minItems: Int?
    public var maxItems: Int?
    public var uniqueItems = false

    public init() {}

    public var isEmpty: Bool { self == IRConstraints() }

    /// The constraints `schema` states, following `$ref`s to the schema they name.
    public static func of(_ schema: Referenceable<Schema>?, in document: OpenAPIDocument) -> IRConstraints {
        guard let schema, let resolved = try? document.resolve(schema) else { return IRConstraints() }
        return of(resolved)
    }

    public static func of(_ schema: Schema) -> IRConstraints {
        var constraints = IRConstraints()
        let types = Set(schema.nonNullTypes)
        if types.contains("integer") || types.contains("number") {
            constraints.readBounds(schema)
        }
        // A `format` that makes the value a `Date`, `UUID` or `Data` in Swift leaves no text to check.
        if types.contains("string"), schema.format.map({ !Self.nonTextFormats.contains($0) }) ?? true {
            constraints.minLength = schema.minLength.flatMap { $0 > 0 ? $0 : nil }
            constraints.maxLength = schema.maxLength
            constraints.pattern = schema.pattern
        }
        if types.contains("array") {
            constraints.minItems = schema.minItems.flatMap { $0 > 0 ? $0 : nil }
            constraints.maxItems = schema.maxItems
            constraints.uniqueItems = schema.uniqueItems
        }
        return constraints
    }

    private static let nonTextFormats: Set<String> = ["date-time", "uuid", "uuid4", "byte", "binary"]

    /// 3.0's boolean `exclusiveMinimum` has already been folded into the numeric form by the decoder.
    private mutating func readBounds(_ schema: Schema) {
        if let bound = schema.exclusiveMinimum {
            minimum = bound
            exclusiveMinimum = true
        } else {
            minimum = schema.minimum
        }
        if let bound = schema.exclusiveMaximum {
            maximum = bound
            exclusiveMaximum = true
        } else {
            maximum = schema.maximum
        }
    }
}
