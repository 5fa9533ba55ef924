import KilnOpenAPI

extension SchemaLowering {
    /// The property telling the members of a `oneOf` without `discriminator` apart, if there is one.
    ///
    /// Every member must be an object schema (a tag is read from a keyed container); at least two
    /// members must fix the property to strings, or all to integers (`enum`/`const`), no value may
    /// belong to two of them, and a member declaring the property any other way rules it out. Members that do not declare it
    /// at all stay untagged: they are tried in order when the tag is absent or unknown. Property names
    /// are considered in document order (members in order, `allOf` parts first, as objects merge them).
    func inferredDiscriminator(_ members: [Referenceable<Schema>]) -> InferredDiscriminator? {
        guard members.count >= 2 else { return nil }
        var memberParts: [[Schema]] = []
        for member in members {
            guard let schema = try? document.resolve(member), schema.oneOf.isEmpty, schema.anyOf.isEmpty else { return nil }
            let parts = allOfParts(schema)
            guard parts.contains(where: { !$0.properties.isEmpty }) else { return nil }
            memberParts.append(parts)
        }
        var best: InferredDiscriminator?
        var considered: Set<String> = []
        for parts in memberParts {
            for part in parts {
                for name in part.properties.keys where considered.insert(name).inserted {
                    guard let candidate = discriminator(named: name, in: memberParts), candidate.taggedMemberCount >= 2 else { continue }
                    if best.map({ candidate.isPreferable(to: $0) }) ?? true { best = candidate }
                }
            }
        }
        return best
    }

    /// The tags of `name` in each member, or `nil` when the property cannot tell the members apart.
    private func discriminator(named name: String, in memberParts: [[Schema]]) -> InferredDiscriminator? {
        var tags: [InferredDiscriminator.Tag?] = []
        var claimed: Set<String> = []
        var isInteger: Bool?
        for parts in memberParts {
            // The first part declaring the property decides its schema, as when the object is lowered.
            guard let propertySchema = parts.lazy.compactMap({ $0.properties[name] }).first else {
                tags.append(nil)
                continue
            }
            guard let fixed = fixedValues(of: propertySchema), !fixed.values.isEmpty,
                  isInteger.map({ $0 == fixed.isInteger }) ?? true
            else { return nil }
            isInteger = fixed.isInteger
            let values = fixed.values
            for value in values where !claimed.insert(value).inserted { return nil }
            tags.append(.init(values: values, isOptional: !parts.contains { $0.required.contains(name) }))
        }
        return InferredDiscriminator(propertyName: name, isInteger: isInteger ?? false, tags: tags)
    }

    /// The values of an `enum` or `const` of strings, or of integers (as decimal text); `nil` when the
    /// schema allows anything else.
    private func fixedValues(of schema: Referenceable<Schema>) -> (values: [String], isInteger: Bool)? {
        guard let resolved = try? document.resolve(schema),
              let values = resolved.enumValues ?? resolved.constValue.map({ [$0] })
        else { return nil }
        let strings = values.compactMap(\.string)
        if strings.count == values.count { return (strings, false) }
        let integers = values.compactMap(\.int)
        return integers.count == values.count ? (integers.map(String.init), true) : nil
    }

    /// The schema's `allOf` members (resolved, recursively) followed by the schema itself. Unlike the
    /// object lowering's walk it reports nothing: the members are lowered later and report there.
    private func allOfParts(_ schema: Schema) -> [Schema] {
        var parts: [Schema] = []
        var visiting: Set<String> = []
        func collect(_ schema: Schema) {
            guard visiting.insert(schema.source.pointer).inserted else { return }
            for member in schema.allOf {
                if let resolved = try? document.resolve(member) { collect(resolved) }
            }
            parts.append(schema)
        }
        collect(schema)
        return parts
    }
}
