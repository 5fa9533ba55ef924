import KilnDiagnostics
import KilnOpenAPI

/// Lowers JSON Schemas to Swift type references and named types.
struct SchemaLowering {
    let document: OpenAPIDocument
    /// Component schema name → top-level Swift type name, decided before any lowering.
    let componentTypeNames: [String: String]
    /// `schema.property` → the user's Swift type for that property (see `LoweringOptions.typeOverrides`).
    var propertyTypeOverrides: [String: String] = [:]
    var log: DiagnosticLog

    // MARK: Component types

    mutating func lowerComponent(named componentName: String, _ schema: Referenceable<Schema>) -> IRType? {
        guard let typeName = componentTypeNames[componentName] else { return nil }
        let pointer = "#/components/schemas/" + JSONPointer.escape(componentName)
        switch schema {
        case .reference(let reference):
            // `components.schemas.A: {$ref: B}` is the same type under another name.
            let (target, _) = topLevelTypeReference(for: schema, nameHint: typeName)
            return IRType(
                name: typeName, qualifiedName: typeName, sourceName: pointer,
                documentation: IRDocumentation(), kind: .alias(target), location: reference.source.location
            )
        case .value(let value):
            if value.not != nil {
                log.warning("'not' is not supported and is ignored", at: value.source.location)
            }
            return makeType(name: typeName, qualifiedName: typeName, sourceName: pointer, schema: value)
        }
    }

    /// Inline types of aliases and operations land at the top level; the lowering collects them here.
    /// Its name scope already holds every component type name.
    var topLevel: NestedTypeSink

    /// `typeReference` with inline types going to the module's top level.
    mutating func topLevelTypeReference(for schema: Referenceable<Schema>, nameHint: String) -> (IRTypeReference, nullable: Bool) {
        // Moved out and back so the sink is not borrowed from `self` while `self` is mutated.
        var sink = topLevel
        topLevel = NestedTypeSink(qualifiedPrefix: "", names: NameScope())
        defer { topLevel = sink }
        return typeReference(for: schema, nameHint: nameHint, sink: &sink)
    }

    // MARK: Named types

    /// Builds the named type for a schema that needs one (object, enum, union, or alias).
    mutating func makeType(name: String, qualifiedName: String, sourceName: String, schema: Schema) -> IRType {
        var nested = NestedTypeSink.nested(in: qualifiedName)
        let kind: IRType.Kind
        if let alternative = nullableAlternative(of: schema) {
            kind = .alias(topLevelTypeReference(for: alternative, nameHint: name).0)
        } else if titledConstants(schema) != nil, let enumeration = lowerEnumeration(schema) {
            kind = .enumeration(enumeration)
        } else if !schema.oneOf.isEmpty || !schema.anyOf.isEmpty {
            kind = .union(lowerUnion(schema, sink: &nested))
        } else if let enumeration = lowerEnumeration(schema) {
            kind = .enumeration(enumeration)
        } else if !schema.allOf.isEmpty || !schema.properties.isEmpty {
            kind = lowerObject(schema, sink: &nested)
        } else {
            kind = .alias(topLevelTypeReference(for: .value(schema), nameHint: name).0)
        }
        return IRType(
            name: name, qualifiedName: qualifiedName, sourceName: sourceName,
            documentation: documentation(of: schema), kind: kind, nestedTypes: nested.types,
            location: schema.source.location
        )
    }

    /// True when an inline schema must become a named type rather than a builtin, array or map.
    func needsNamedType(_ schema: Schema) -> Bool {
        if nullableAlternative(of: schema) != nil { return false }
        if !schema.oneOf.isEmpty || !schema.anyOf.isEmpty || !schema.properties.isEmpty { return true }
        if schema.allOf.count > 1 || (schema.allOf.count == 1 && schema.additionalProperties != nil) { return true }
        return isEnumerable(schema)
    }

    // MARK: Type references

    /// The Swift type for a schema used somewhere (property, item, parameter, body), and whether it admits null.
    mutating func typeReference(
        for schema: Referenceable<Schema>, nameHint: String, sink: inout NestedTypeSink
    ) -> (IRTypeReference, nullable: Bool) {
        switch schema {
        case .reference(let reference):
            return namedReference(reference)
        case .value(let value):
            if value.not != nil {
                log.warning("'not' is not supported and is ignored", at: value.source.location)
            }
            if needsNamedType(value) {
                let (name, qualifiedName) = sink.claimName(SwiftNaming.typeName(nameHint))
                let type = makeType(name: name, qualifiedName: qualifiedName, sourceName: value.source.pointer, schema: value)
                sink.types.append(type)
                return (.named(qualifiedName), value.isNullable)
            }
            if let alternative = nullableAlternative(of: value) {
                return (typeReference(for: alternative, nameHint: nameHint, sink: &sink).0, true)
            }
            if value.allOf.count == 1, let only = value.allOf.first {
                // `allOf: [$ref]` is how specs attach a description to a reference.
                let (type, nullable) = typeReference(for: only, nameHint: nameHint, sink: &sink)
                return (type, nullable || value.isNullable)
            }
            return (structuralType(of: value, nameHint: nameHint, sink: &sink), value.isNullable)
        }
    }

    /// `oneOf: [{type: 'null'}, X]` (or `anyOf`), OpenAPI 3.1's way to write a nullable `X`: that one
    /// other alternative. As a union, the `null` member would decode as `JSONValue`, and being first,
    /// would take every value.
    func nullableAlternative(of schema: Schema) -> Referenceable<Schema>? {
        let members = schema.oneOf.isEmpty ? schema.anyOf : schema.oneOf
        guard members.count >= 2, schema.nonNullTypes.isEmpty, schema.properties.isEmpty, schema.allOf.isEmpty,
              schema.discriminator == nil
        else { return nil }
        let others = members.filter { !Schema.isNullMember($0) }
        return others.count == 1 ? others.first : nil
    }

    private mutating func namedReference(_ reference: Reference) -> (IRTypeReference, nullable: Bool) {
        guard let (kind, name) = reference.componentPath, kind == "schemas", let typeName = componentTypeNames[name] else {
            log.error("unresolvable schema reference '\(reference.target)'", at: reference.source.location)
            return (.builtin(.json), true)
        }
        let resolved = try? document.resolve(Referenceable<Schema>.reference(reference))
        let nullable = resolved?.isNullable ?? false
        // `NullString`, `NullUUID`, … are names for a primitive: use the primitive itself, which reads
        // better (`UUID?`) and lets the coding of that primitive apply (lower-case UUIDs).
        if let resolved, let primitive = primitiveType(of: resolved) {
            return (.builtin(primitive), nullable)
        }
        return (.named(typeName), nullable)
    }

    /// Arrays, maps and primitives: types Swift already has.
    private mutating func structuralType(of schema: Schema, nameHint: String, sink: inout NestedTypeSink) -> IRTypeReference {
        let types = schema.nonNullTypes
        guard types.count == 1, let type = types.first else {
            // No type, or several (3.1): any JSON value.
            return .builtin(.json)
        }
        switch type {
        case "array":
            guard let items = schema.items else { return .array(.builtin(.json)) }
            return .array(typeReference(for: items, nameHint: nameHint + "Item", sink: &sink).0)
        case "object":
            if case .schema(let valueSchema)? = schema.additionalProperties {
                return .dictionary(typeReference(for: valueSchema, nameHint: nameHint + "Value", sink: &sink).0)
            }
            return .dictionary(.builtin(.json))
        case "string": return .builtin(stringType(of: schema))
        case "integer": return .builtin(integerType(format: schema.format))
        case "number": return .builtin(schema.format == "float" ? .float : .double)
        case "boolean": return .builtin(.bool)
        default:
            log.warning("unknown schema type '\(type)'; using JSONValue", at: schema.source.location)
            return .builtin(.json)
        }
    }

    /// The builtin a schema stands for when it is a lone string, integer, number or boolean.
    private func primitiveType(of schema: Schema) -> IRBuiltinType? {
        guard !needsNamedType(schema), schema.allOf.isEmpty, schema.nonNullTypes.count == 1 else { return nil }
        switch schema.nonNullTypes[0] {
        case "string": return stringType(of: schema)
        case "integer": return integerType(format: schema.format)
        case "number": return schema.format == "float" ? .float : .double
        case "boolean": return .bool
        default: return nil
        }
    }

    /// Bytes for `format: binary`/`byte` and their 3.1 spellings: `contentEncoding: base64` (which
    /// `Data`'s `Codable` form is) and a `contentMediaType` that is not text.
    private func stringType(of schema: Schema) -> IRBuiltinType {
        if schema.contentEncoding?.lowercased() == "base64" { return .data }
        if let mediaType = schema.contentMediaType, schema.contentEncoding == nil, !IRMediaType(mediaType).isText,
            !IRMediaType(mediaType).isJSON
        {
            return .data
        }
        return stringType(format: schema.format)
    }

    private func stringType(format: String?) -> IRBuiltinType {
        switch format {
        case "date-time": return .date
        // `uuid4` is not a registered format, but Go-generated specs (Kratos) use it.
        case "uuid", "uuid4": return .uuid
        case "byte", "binary": return .data
        default: return .string
        }
    }

    private func integerType(format: String?) -> IRBuiltinType {
        switch format {
        case "int32": return .int32
        case "int64": return .int64
        default: return .int
        }
    }

    // MARK: Documentation

    func documentation(of schema: Schema) -> IRDocumentation {
        IRDocumentation(
            summary: schema.title,
            details: schema.description,
            deprecated: schema.deprecated,
            example: schema.example?.jsonText,
            defaultValue: schema.defaultValue?.jsonText
        )
    }
}
