/// A JSON Schema as OpenAPI 3.0 (its subset with `nullable`) or 3.1 (2020-12) writes it.
///
/// Kept close to the source: the IR decides what the keywords mean for Swift. Literal values
/// (`enum`, `const`, `default`, `example`) are `SpecValue`s keeping the text as written.
public struct Schema: Sendable {
    public enum AdditionalProperties: Sendable {
        case allowed(Bool)
        case schema(Referenceable<Schema>)
    }

    public struct Discriminator: Sendable {
        public var propertyName: String
        /// Discriminator value → `$ref` target (or bare schema name), in document order.
        public var mapping: OrderedMap<String>

        public init(propertyName: String, mapping: OrderedMap<String> = .init()) {
            self.propertyName = propertyName
            self.mapping = mapping
        }
    }

    /// `type`: one name in 3.0; in 3.1 possibly several (`[string, "null"]`). Empty when absent.
    public var types: [String] = []
    public var format: String?
    /// 3.1's `contentEncoding` (`base64`): a string carrying bytes in that encoding.
    public var contentEncoding: String?
    /// 3.1's `contentMediaType` (`image/png`): a string whose content is of that type.
    public var contentMediaType: String?
    public var title: String?
    public var description: String?
    /// 3.0 `nullable: true` (3.1 writes `null` in `types` instead).
    public var nullable: Bool = false
    public var readOnly: Bool = false
    public var writeOnly: Bool = false
    public var deprecated: Bool = false

    public var properties: OrderedMap<Referenceable<Schema>> = .init()
    public var required: [String] = []
    public var additionalProperties: AdditionalProperties?
    public var items: Referenceable<Schema>?

    public var allOf: [Referenceable<Schema>] = []
    public var oneOf: [Referenceable<Schema>] = []
    public var anyOf: [Referenceable<Schema>] = []
    public var not: Referenceable<Schema>?
    public var discriminator: Discriminator?

    public var enumValues: [SpecValue]?
    public var constValue: SpecValue?
    public var defaultValue: SpecValue?
    public var example: SpecValue?

    public var minimum: Double?
    public var maximum: Double?
    /// 3.0 writes these as booleans next to minimum/maximum; 3.1 as numbers. Normalised to numbers.
    public var exclusiveMinimum: Double?
    public var exclusiveMaximum: Double?
    public var multipleOf: Double?
    public var minLength: Int?
    public var maxLength: Int?
    public var pattern: String?
    public var minItems: Int?
    public var maxItems: Int?
    public var uniqueItems: Bool = false
    public var minProperties: Int?
    public var maxProperties: Int?

    /// `x-…` keys in document order (e.g. `x-go-enum-desc`).
    public var extensions: OrderedMap<SpecValue> = .init()
    public var source: SourceRef

    public init(source: SourceRef) {
        self.source = source
    }

    /// True when the schema admits `null`: 3.0 `nullable`, 3.1 `type: [..., "null"]`, or a
    /// `{type: 'null'}` alternative of its `oneOf`/`anyOf` (3.1's `oneOf: [{type: 'null'}, X]`).
    public var isNullable: Bool {
        nullable || types.contains("null") || oneOf.contains(where: Self.isNullMember) || anyOf.contains(where: Self.isNullMember)
    }

    /// `{type: 'null'}` as a `oneOf`/`anyOf` member: an inline schema admitting only null.
    public static func isNullMember(_ member: Referenceable<Schema>) -> Bool {
        guard case .value(let schema) = member else { return false }
        return schema.types == ["null"] && schema.properties.isEmpty && schema.oneOf.isEmpty && schema.anyOf.isEmpty
            && schema.allOf.isEmpty
    }

    /// The declared types other than `null`.
    public var nonNullTypes: [String] { types.filter { $0 != "null" } }
}
