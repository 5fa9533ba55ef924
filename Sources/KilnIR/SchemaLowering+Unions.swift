import KilnDiagnostics
import KilnOpenAPI

extension SchemaLowering {
    /// `oneOf`/`anyOf` → an enum with one case per alternative.
    ///
    /// `{type: 'null'}` members are left out: null is the optional's `nil`. With a discriminator there
    /// is one case per discriminator value (explicit mapping first, in
    /// document order, then implicit schema names); without one, one case per member, tried in order,
    /// unless a property fixed to distinct strings (or integers) in the members tells them apart (an inferred
    /// discriminator, see `inferredDiscriminator`): then each tagged member is selected by its values.
    mutating func lowerUnion(_ schema: Schema, sink: inout NestedTypeSink) -> IRUnion {
        // A `{type: 'null'}` member makes the schema nullable (`Schema.isNullable`): the union is used
        // as an optional, and a case for null would decode every value as `JSONValue`.
        let members = (schema.oneOf.isEmpty ? schema.anyOf : schema.oneOf).filter { !Schema.isNullMember($0) }
        var names = SwiftNamer.memberScope()
        var cases: [IRUnion.Case]
        var discriminatorProperty = schema.discriminator?.propertyName
        var discriminatorIsInteger = false
        if let discriminator = schema.discriminator {
            cases = discriminatedCases(members, discriminator: discriminator, names: &names, sink: &sink)
        } else {
            cases = tryEachCases(members, names: &names, sink: &sink)
            // Only a `oneOf` has one member at a time, which a tag can name; an `anyOf` decodes them all.
            if !schema.oneOf.isEmpty, let inferred = inferredDiscriminator(members) {
                discriminatorProperty = inferred.propertyName
                discriminatorIsInteger = inferred.isInteger
                applyTags(inferred, to: &cases)
            }
        }
        var union = IRUnion(
            discriminatorProperty: discriminatorProperty,
            cases: cases,
            unknownCaseName: names.claim("unknown")
        )
        union.discriminatorIsInteger = discriminatorIsInteger
        union.composition = schema.oneOf.isEmpty ? .anyOf : .oneOf
        return union
    }

    private mutating func discriminatedCases(
        _ members: [Referenceable<Schema>], discriminator: Schema.Discriminator,
        names: inout NameScope, sink: inout NestedTypeSink
    ) -> [IRUnion.Case] {
        var cases: [IRUnion.Case] = []
        var mappedComponents: Set<String> = []
        for (value, target) in discriminator.mapping.entries {
            let componentName = target.hasPrefix("#/") ? Reference.lastPointerToken(of: target) : target
            mappedComponents.insert(componentName)
            guard let typeName = componentTypeNames[componentName] else {
                log.error("discriminator mapping '\(value)' points at '\(target)', which is not a component schema",
                          at: discriminatorLocation(members))
                continue
            }
            cases.append(discriminatedCase(
                value: value, typeName: typeName, componentName: componentName,
                propertyName: discriminator.propertyName, names: &names
            ))
        }
        // Members the mapping does not mention are selected by their component name.
        for member in members {
            guard let reference = member.reference, let (_, componentName) = reference.componentPath,
                  !mappedComponents.contains(componentName), let typeName = componentTypeNames[componentName]
            else {
                if member.reference == nil {
                    log.warning("inline 'oneOf' member with a discriminator cannot be selected; use a $ref", at: discriminatorLocation([member]))
                }
                continue
            }
            cases.append(discriminatedCase(
                value: componentName, typeName: typeName, componentName: componentName,
                propertyName: discriminator.propertyName, names: &names
            ))
        }
        return cases
    }

    private mutating func discriminatedCase(
        value: String, typeName: String, componentName: String, propertyName: String, names: inout NameScope
    ) -> IRUnion.Case {
        let memberSchema = document.components.schemas[componentName].flatMap { try? document.resolve($0) }
        let declares = memberSchema.map { declaresProperty(propertyName, in: $0) } ?? false
        return IRUnion.Case(
            swiftName: names.claim(SwiftNaming.memberName(value)),
            type: .named(typeName),
            discriminatorValues: [value],
            memberDeclaresDiscriminator: declares
        )
    }

    private func declaresProperty(_ name: String, in schema: Schema) -> Bool {
        if schema.properties[name] != nil { return true }
        return schema.allOf.contains { part in
            (try? document.resolve(part)).map { declaresProperty(name, in: $0) } ?? false
        }
    }

    private mutating func tryEachCases(
        _ members: [Referenceable<Schema>], names: inout NameScope, sink: inout NestedTypeSink
    ) -> [IRUnion.Case] {
        members.enumerated().map { index, member in
            let (type, _) = typeReference(for: member, nameHint: "Option\(index + 1)", sink: &sink)
            return IRUnion.Case(
                swiftName: names.claim(caseName(for: type)),
                type: type,
                discriminatorValues: [],
                memberDeclaresDiscriminator: true
            )
        }
    }

    /// A tagged member's case is selected by its values; its own type encodes the tag, so encoding
    /// adds nothing (`memberDeclaresDiscriminator` stays true, for untagged members too: they have none).
    private func applyTags(_ inferred: InferredDiscriminator, to cases: inout [IRUnion.Case]) {
        for (index, tag) in zip(cases.indices, inferred.tags) {
            guard let tag else { continue }
            cases[index].discriminatorValues = tag.values
            cases[index].discriminatorIsOptional = tag.isOptional
        }
    }

    /// `.identity(Identity)`, `.string(String)`, `.stringArray([String])`.
    private func caseName(for type: IRTypeReference) -> String {
        switch type {
        case .named(let name): return SwiftNaming.memberName(String(name.split(separator: ".").last ?? ""))
        case .builtin(let builtin): return SwiftNaming.memberName(builtin.rawValue)
        case .array(let element): return caseName(for: element) + "Array"
        case .dictionary(let value): return caseName(for: value) + "Dictionary"
        }
    }

    private func discriminatorLocation(_ members: [Referenceable<Schema>]) -> SourceLocation? {
        switch members.first {
        case .reference(let reference)?: return reference.source.location
        case .value(let schema)?: return schema.source.location
        case nil: return nil
        }
    }
}
