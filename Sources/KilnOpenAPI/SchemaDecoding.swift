import KilnYAML

/// Schemas, in OpenAPI 3.0's dialect and 3.1's JSON Schema 2020-12.
///
/// A schema object is walked once, keyword by keyword, so `x-` extensions keep their order and
/// unknown keywords (`$defs`, `prefixItems`, …) are passed over without a lookup for each known one.
extension DecodingContext {
    /// A schema or a `$ref` to one; 3.1 also allows `true` (anything) and `false` (nothing).
    func decodeSchema(_ node: YAMLNode, at pointer: JSONPointer, as subject: Subject = .key("schema")) -> Referenceable<Schema>? {
        if isVersion31, let accepts = node.bool {
            return .value(Self.booleanSchema(accepts, source: sourceRef(node, pointer)))
        }
        return referenceable(node, at: pointer, as: subject, kind: .schemas, decodeValue: decodeSchemaObject)
    }

    /// `true` is the empty schema; `false` is `not: {}`, which is how the model says "matches nothing".
    static func booleanSchema(_ accepts: Bool, source: SourceRef) -> Schema {
        var schema = Schema(source: source)
        if !accepts { schema.not = .value(Schema(source: source)) }
        return schema
    }

    private func decodeSchemaObject(_ fields: ObjectFields) -> Schema? {
        var schema = Schema(source: fields.source)
        var bounds = BooleanExclusiveBounds()
        for entry in fields.mapping.entries {
            guard let key = entry.key.string else {
                error("keys must be scalars, found \(Self.describe(entry.key))", at: entry.key)
                continue
            }
            if key.hasPrefix("x-") {
                schema.extensions[key] = entry.value
            } else if !applyLiteralKeyword(key, entry.value, fields, to: &schema), !entry.value.isNull {
                // Short-circuits: each keyword belongs to exactly one group.
                _ = applyAnnotationKeyword(key, fields, to: &schema)
                    || applyStructureKeyword(key, fields, to: &schema)
                    || applyValidationKeyword(key, fields, to: &schema, bounds: &bounds)
            }
        }
        bounds.apply(to: &schema)
        return schema
    }

    // MARK: - Keyword groups (each returns whether it knew the keyword)

    /// Literal values stay YAML nodes; here `null` is a value, not an absent keyword.
    private func applyLiteralKeyword(_ key: String, _ value: YAMLNode, _ fields: ObjectFields, to schema: inout Schema) -> Bool {
        switch key {
        case "enum":
            if let items = value.sequence {
                schema.enumValues = items
            } else if !value.isNull {
                typeMismatch(key, expected: "a sequence", found: value)
            }
        case "const": schema.constValue = value
        case "default": schema.defaultValue = value
        case "example": schema.example = value
        case "examples":
            // 3.1 (JSON Schema) lists examples; the model keeps one. An explicit `example` wins.
            // In 3.0 `examples` is no schema keyword, so it is left alone there.
            guard isVersion31, fields.mapping["example"] == nil else { return true }
            if let items = value.sequence {
                schema.example = items.first
            } else {
                typeMismatch(key, expected: "a sequence", found: value)
            }
        default: return false
        }
        return true
    }

    private func applyAnnotationKeyword(_ key: String, _ fields: ObjectFields, to schema: inout Schema) -> Bool {
        switch key {
        case "type": schema.types = decodeTypes(fields)
        case "format": schema.format = fields.string(key)
        case "title": schema.title = fields.string(key)
        case "description": schema.description = fields.string(key)
        case "nullable": schema.nullable = fields.bool(key) ?? false
        case "readOnly": schema.readOnly = fields.bool(key) ?? false
        case "writeOnly": schema.writeOnly = fields.bool(key) ?? false
        case "deprecated": schema.deprecated = fields.bool(key) ?? false
        case "discriminator": schema.discriminator = fields.object(key).flatMap(decodeDiscriminator)
        default: return false
        }
        return true
    }

    private func applyStructureKeyword(_ key: String, _ fields: ObjectFields, to schema: inout Schema) -> Bool {
        switch key {
        case "properties": schema.properties = decodeProperties(fields)
        case "required": schema.required = fields.strings(key) ?? []
        case "additionalProperties": schema.additionalProperties = decodeAdditionalProperties(fields)
        case "items": schema.items = fields.value(key).flatMap { decodeSchema($0, at: fields.pointer(key), as: .key(key)) }
        case "allOf": schema.allOf = decodeSchemaList(key, fields)
        case "oneOf": schema.oneOf = decodeSchemaList(key, fields)
        case "anyOf": schema.anyOf = decodeSchemaList(key, fields)
        case "not": schema.not = fields.value(key).flatMap { decodeSchema($0, at: fields.pointer(key), as: .key(key)) }
        default: return false
        }
        return true
    }

    private func applyValidationKeyword(
        _ key: String, _ fields: ObjectFields, to schema: inout Schema, bounds: inout BooleanExclusiveBounds
    ) -> Bool {
        switch key {
        case "minimum": schema.minimum = fields.double(key)
        case "maximum": schema.maximum = fields.double(key)
        case "exclusiveMinimum": decodeExclusiveBound(key, fields, number: &schema.exclusiveMinimum, flag: &bounds.minimum)
        case "exclusiveMaximum": decodeExclusiveBound(key, fields, number: &schema.exclusiveMaximum, flag: &bounds.maximum)
        case "multipleOf": schema.multipleOf = fields.double(key)
        case "minLength": schema.minLength = fields.int(key)
        case "maxLength": schema.maxLength = fields.int(key)
        case "pattern": schema.pattern = fields.string(key)
        case "minItems": schema.minItems = fields.int(key)
        case "maxItems": schema.maxItems = fields.int(key)
        case "uniqueItems": schema.uniqueItems = fields.bool(key) ?? false
        case "minProperties": schema.minProperties = fields.int(key)
        case "maxProperties": schema.maxProperties = fields.int(key)
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
            error("unknown type '\(name)'; expected string, number, integer, boolean, array, object or null", at: node)
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

/// 3.0's boolean `exclusiveMinimum`/`exclusiveMaximum`, applied once the whole schema is read
/// because `minimum` may come after them.
private struct BooleanExclusiveBounds {
    var minimum = false
    var maximum = false

    /// Moves a flagged bound into the numeric exclusive field, the form the model (and 3.1) uses.
    func apply(to schema: inout Schema) {
        if minimum, let bound = schema.minimum {
            schema.exclusiveMinimum = bound
            schema.minimum = nil
        }
        if maximum, let bound = schema.maximum {
            schema.exclusiveMaximum = bound
            schema.maximum = nil
        }
    }
}
