import KilnDiagnostics
import KilnOpenAPI

extension SchemaLowering {
    /// Properties of an object schema; `allOf` members are merged in order, then the schema's own.
    mutating func lowerObject(_ schema: Schema, sink: inout NestedTypeSink) -> IRType.Kind {
        var properties: [IRProperty] = []
        var memberNames = SwiftNamer.memberScope()
        var seenJSONNames: Set<String> = []
        var required = Set(schema.required)
        var additional: IRTypeReference?

        for part in flattenedAllOf(schema) {
            required.formUnion(part.required)
            for (jsonName, propertySchema) in part.properties.entries where !seenJSONNames.contains(jsonName) {
                seenJSONNames.insert(jsonName)
                var (type, nullable) = typeReference(for: propertySchema, nameHint: jsonName, sink: &sink)
                if let override = propertyOverride(jsonName, sink: sink) { type = .named(override) }
                var property = IRProperty(
                    jsonName: jsonName,
                    swiftName: memberNames.claim(SwiftNaming.memberName(jsonName)),
                    type: type,
                    required: false,
                    nullable: nullable,
                    documentation: propertyDocumentation(propertySchema)
                )
                property.readOnly = propertySchema.value?.readOnly ?? false
                property.writeOnly = propertySchema.value?.writeOnly ?? false
                property.constraints = IRConstraints.of(propertySchema, in: document)
                property.declaredDefault = propertySchema.value?.defaultValue
                properties.append(property)
            }
            if additional == nil {
                switch part.additionalProperties {
                case .schema(let valueSchema)?:
                    additional = typeReference(for: valueSchema, nameHint: "AdditionalProperty", sink: &sink).0
                case .allowed(true)?:
                    additional = .builtin(.json)
                default:
                    break
                }
            }
        }
        for index in properties.indices {
            properties[index].required = required.contains(properties[index].jsonName)
        }
        let additionalName = memberNames.claim("additionalProperties")
        return .object(IRObject(properties: properties, additionalProperties: additional, additionalPropertiesName: additionalName))
    }

    /// The user's type for a property of a component schema (`identity.traits`), if configured.
    private func propertyOverride(_ jsonName: String, sink: NestedTypeSink) -> String? {
        guard !propertyTypeOverrides.isEmpty else { return nil }
        let owner = String(sink.qualifiedPrefix.dropLast())
        guard let component = componentTypeNames.first(where: { $0.value == owner })?.key else { return nil }
        // `*.traits` applies to the property in every schema that has it.
        return propertyTypeOverrides["\(component).\(jsonName)"] ?? propertyTypeOverrides["*.\(jsonName)"]
    }

    /// The schema's `allOf` members (resolved, recursively flattened) followed by the schema itself.
    private mutating func flattenedAllOf(_ schema: Schema) -> [Schema] {
        var parts: [Schema] = []
        var visiting: Set<String> = []
        collectAllOf(schema, into: &parts, visiting: &visiting)
        return parts
    }

    private mutating func collectAllOf(_ schema: Schema, into parts: inout [Schema], visiting: inout Set<String>) {
        guard visiting.insert(schema.source.pointer).inserted else { return }
        for member in schema.allOf {
            do {
                collectAllOf(try document.resolve(member), into: &parts, visiting: &visiting)
            } catch {
                log.append(contentsOf: error.diagnostics)
            }
        }
        parts.append(schema)
    }

    /// Inline property schemas carry their own description; a `$ref`'s lives on the referenced type,
    /// unless (3.1) a `summary` or `description` beside the `$ref` says what this property holds.
    private func propertyDocumentation(_ schema: Referenceable<Schema>) -> IRDocumentation {
        switch schema {
        case .value(let value): return documentation(of: value)
        case .reference(let reference): return IRDocumentation(summary: reference.summary, details: reference.description)
        }
    }
}
