import KilnDiagnostics
internal import KilnYAML

/// Schemas, in OpenAPI 3.0's dialect and 3.1's JSON Schema 2020-12.
///
/// A schema object is walked once, keyword by keyword, so `x-` extensions keep their order and
/// unknown keywords (`$defs`, `prefixItems`, …) are passed over without a lookup for each known one.
///
/// Schemas nest schemas, so decoding recurses once per level. The schema being built lives on the
/// heap (`SchemaBuilder`) rather than in the recursing frames: `Schema` is several hundred bytes,
/// and keeping copies of it in every frame made deep (if legal) documents overflow small thread stacks.
extension DecodingContext {
    /// A schema or a `$ref` to one; 3.1 also allows `true` (anything) and `false` (nothing).
    func decodeSchema(_ node: YAMLNode, at pointer: JSONPointer, as subject: Subject = .key("schema")) -> Referenceable<Schema>? {
        if isVersion31, let accepts = node.bool {
            return Self.booleanSchema(accepts, source: sourceRef(node, pointer))
        }
        guard let fields = fields(of: node, at: pointer, as: subject) else { return nil }
        if let refNode = fields.mapping["$ref"] {
            return reference(refNode, in: fields, expecting: .schemas).map { .reference($0) }
        }
        return decodeSchemaObject(fields)
    }

    /// `true` is the empty schema; `false` is `not: {}`, which is how the model says "matches nothing".
    @inline(never)
    static func booleanSchema(_ accepts: Bool, source: SourceRef) -> Referenceable<Schema> {
        var schema = Schema(source: source)
        if !accepts { schema.not = .value(Schema(source: source)) }
        return .value(schema)
    }

    @inline(never)
    private func decodeSchemaObject(_ fields: ObjectFields) -> Referenceable<Schema> {
        let builder = SchemaBuilder(source: fields.source)
        for entry in fields.mapping.entries {
            guard let key = entry.key.string else {
                error("keys must be scalars, found \(Self.describe(entry.key))", at: entry.key)
                continue
            }
            if key.hasPrefix("x-") {
                builder.schema.extensions[key] = SpecValue(entry.value)
            } else if !applyLiteralKeyword(key, entry.value, fields, to: builder), !entry.value.isNull {
                // Short-circuits: each keyword belongs to exactly one group.
                _ = applyAnnotationKeyword(key, fields, to: builder)
                    || applyStructureKeyword(key, fields, to: builder)
                    || applyValidationKeyword(key, fields, to: builder)
            }
        }
        return builder.build()
    }

    // MARK: - Keyword groups (each returns whether it knew the keyword)
    //
    // Kept out of line (`@inline(never)`) where they do not recurse, so their temporaries stay out
    // of the frames that nested schemas stack up.

    /// Literal values become `SpecValue`s; here `null` is a value, not an absent keyword.
    @inline(never)
    private func applyLiteralKeyword(_ key: String, _ value: YAMLNode, _ fields: ObjectFields, to builder: SchemaBuilder) -> Bool {
        switch key {
        case "enum":
            if let items = value.sequence {
                builder.schema.enumValues = items.map(SpecValue.init)
            } else if !value.isNull {
                typeMismatch(key, expected: "a sequence", found: value)
            }
        case "const": builder.schema.constValue = SpecValue(value)
        case "default": builder.schema.defaultValue = SpecValue(value)
        case "example": builder.schema.example = SpecValue(value)
        case "examples":
            // 3.1 (JSON Schema) lists examples; the model keeps one. An explicit `example` wins.
            // In 3.0 `examples` is no schema keyword, so it is left alone there.
            guard isVersion31, fields.mapping["example"] == nil else { return true }
            if let items = value.sequence {
                builder.schema.example = items.first.map(SpecValue.init)
            } else {
                typeMismatch(key, expected: "a sequence", found: value)
            }
        default: return false
        }
        return true
    }

    @inline(never)
    private func applyAnnotationKeyword(_ key: String, _ fields: ObjectFields, to builder: SchemaBuilder) -> Bool {
        switch key {
        case "type": builder.schema.types = decodeTypes(fields)
        case "format": builder.schema.format = fields.string(key)
        case "contentEncoding": builder.schema.contentEncoding = fields.string(key)
        case "contentMediaType": builder.schema.contentMediaType = fields.string(key)
        case "title": builder.schema.title = fields.string(key)
        case "description": builder.schema.description = fields.string(key)
        case "nullable": builder.schema.nullable = fields.bool(key) ?? false
        case "readOnly": builder.schema.readOnly = fields.bool(key) ?? false
        case "writeOnly": builder.schema.writeOnly = fields.bool(key) ?? false
        case "deprecated": builder.schema.deprecated = fields.bool(key) ?? false
        case "discriminator": builder.schema.discriminator = fields.object(key).flatMap(decodeDiscriminator)
        default: return false
        }
        return true
    }

    private func applyStructureKeyword(_ key: String, _ fields: ObjectFields, to builder: SchemaBuilder) -> Bool {
        switch key {
        case "properties": builder.schema.properties = decodeProperties(fields)
        case "required": builder.schema.required = fields.strings(key) ?? []
        case "additionalProperties": builder.schema.additionalProperties = decodeAdditionalProperties(fields)
        case "items": builder.schema.items = fields.value(key).flatMap { decodeSchema($0, at: fields.pointer(key), as: .key(key)) }
        case "allOf": builder.schema.allOf = decodeSchemaList(key, fields)
        case "oneOf": builder.schema.oneOf = decodeSchemaList(key, fields)
        case "anyOf": builder.schema.anyOf = decodeSchemaList(key, fields)
        case "not": builder.schema.not = fields.value(key).flatMap { decodeSchema($0, at: fields.pointer(key), as: .key(key)) }
        default: return false
        }
        return true
    }

    @inline(never)
    private func applyValidationKeyword(_ key: String, _ fields: ObjectFields, to builder: SchemaBuilder) -> Bool {
        switch key {
        case "minimum": builder.schema.minimum = fields.double(key)
        case "maximum": builder.schema.maximum = fields.double(key)
        case "exclusiveMinimum": decodeExclusiveBound(key, fields, number: &builder.schema.exclusiveMinimum, flag: &builder.exclusiveMinimumFlag)
        case "exclusiveMaximum": decodeExclusiveBound(key, fields, number: &builder.schema.exclusiveMaximum, flag: &builder.exclusiveMaximumFlag)
        case "multipleOf": builder.schema.multipleOf = fields.double(key)
        case "minLength": builder.schema.minLength = fields.int(key)
        case "maxLength": builder.schema.maxLength = fields.int(key)
        case "pattern": builder.schema.pattern = fields.string(key)
        case "minItems": builder.schema.minItems = fields.int(key)
        case "maxItems": builder.schema.maxItems = fields.int(key)
        case "uniqueItems": builder.schema.uniqueItems = fields.bool(key) ?? false
        case "minProperties": builder.schema.minProperties = fields.int(key)
        case "maxProperties": builder.schema.maxProperties = fields.int(key)
        default: return false
        }
        return true
    }

    // MARK: - Keywords with structure of their own

    private static let knownTypes: Set<String> = ["string", "number", "integer", "boolean", "array", "object", "null"]

    /// `type: string` (3.0 and 3.1) or `type: [string, "null"]` (3.1).
    private func decodeTypes(_ fields: ObjectFields) -> [String] {
        guard let value = fields.value("type") else { return [] }
        if value.scalar != nil {
            return checkedTypeName(value).map { [$0] } ?? []
        }
        guard let items = value.sequence else {
            typeMismatch("type", expected: "a string or a sequence of strings", found: value)
            return []
        }
        if !isVersion31 {
            warning("a list of types needs OpenAPI 3.1; in 3.0 'type' is a single name", at: value)
        }
        return items.compactMap(checkedTypeName)
    }

    private func checkedTypeName(_ node: YAMLNode) -> String? {
        // `[string, null]` with an unquoted null is a common slip for `"null"`; read it as meant.
        if node.isNull { return "null" }
        guard let name = node.string else {
            typeMismatch("type", expected: "a type name", found: node)
            return nil
        }
        guard Self.knownTypes.contains(name) else {
            let suggestion = SpellingSuggestion.didYouMean(name, among: Self.knownTypes)
            error("unknown type '\(name)'\(suggestion); expected string, number, integer, boolean, array, object or null", at: node)
            return nil
        }
        return name
    }

    private func decodeProperties(_ fields: ObjectFields) -> OrderedMap<Referenceable<Schema>> {
        guard let properties = fields.object("properties") else { return .init() }
        var result = OrderedMap<Referenceable<Schema>>()
        // Property names are names, even when they start with `x-`.
        forEachEntry(of: properties.mapping, at: properties.pointer, skipExtensions: false) { name, _, value, pointer in
            if let schema = decodeSchema(value, at: pointer, as: .key(name)) { result[name] = schema }
        }
        return result
    }

    /// `true`/`false` in both versions (3.0 allows booleans here, unlike elsewhere), or a schema.
    private func decodeAdditionalProperties(_ fields: ObjectFields) -> Schema.AdditionalProperties? {
        guard let value = fields.value("additionalProperties") else { return nil }
        if let allowed = value.bool { return .allowed(allowed) }
        return decodeSchema(value, at: fields.pointer("additionalProperties"), as: .key("additionalProperties")).map { .schema($0) }
    }

    private func decodeSchemaList(_ key: String, _ fields: ObjectFields) -> [Referenceable<Schema>] {
        (fields.sequence(key) ?? []).compactMap { decodeSchema($0.node, at: $0.pointer, as: .item(of: key)) }
    }

    /// 3.0 writes `exclusiveMinimum: true` beside `minimum`; 3.1 writes the bound itself. Either is accepted.
    private func decodeExclusiveBound(_ key: String, _ fields: ObjectFields, number: inout Double?, flag: inout Bool) {
        guard let value = fields.value(key) else { return }
        if let isExclusive = value.bool {
            flag = isExclusive
        } else if let bound = value.double {
            number = bound
        } else {
            typeMismatch(key, expected: "a number or a boolean", found: value)
        }
    }

    private func decodeDiscriminator(_ fields: ObjectFields) -> Schema.Discriminator? {
        guard let propertyName = fields.requiredString("propertyName", in: "discriminator") else { return nil }
        var discriminator = Schema.Discriminator(propertyName: propertyName)
        guard let mapping = fields.object("mapping") else { return discriminator }
        forEachEntry(of: mapping.mapping, at: mapping.pointer, skipExtensions: false) { value, _, targetNode, pointer in
            guard let target = targetNode.string else {
                typeMismatch(value, expected: "a schema reference or name", found: targetNode)
                return
            }
            discriminator.mapping[value] = target
            // Bare names (`Dog`) and relative URLs are the IR's to interpret; `#…` targets are checked like any `$ref`.
            if target.hasPrefix("#") {
                let source = SourceRef(location: targetNode.location, pointer: pointer.fragment)
                recordReference(Reference(target: target, source: source), expecting: .schemas)
            }
        }
        return discriminator
    }
}

/// The schema being decoded, on the heap so recursion does not copy it into every frame.
private final class SchemaBuilder {
    var schema: Schema
    /// 3.0's boolean `exclusiveMinimum: true`/`exclusiveMaximum: true`, applied once the whole schema is
    /// read because `minimum`/`maximum` may come after them.
    var exclusiveMinimumFlag = false
    var exclusiveMaximumFlag = false

    @inline(never)
    init(source: SourceRef) {
        schema = Schema(source: source)
    }

    /// The finished schema, with 3.0 boolean bounds normalised.
    @inline(never)
    func build() -> Referenceable<Schema> {
        applyBooleanExclusiveBounds()
        return .value(schema)
    }

    /// Moves a flagged bound into the numeric exclusive field, the form the model (and 3.1) uses.
    private func applyBooleanExclusiveBounds() {
        if exclusiveMinimumFlag, let bound = schema.minimum {
            schema.exclusiveMinimum = bound
            schema.minimum = nil
        }
        if exclusiveMaximumFlag, let bound = schema.maximum {
            schema.exclusiveMaximum = bound
            schema.maximum = nil
        }
    }
}
