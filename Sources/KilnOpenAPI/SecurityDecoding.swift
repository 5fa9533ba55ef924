internal import KilnYAML

/// `security` requirement lists and `components.securitySchemes`.
extension DecodingContext {
    /// The `security` list of the document or an operation; `nil` when absent (inherit), `[]` when empty (none).
    ///
    /// Scheme names are not checked against `components` here: a dangling name is a known real-world
    /// defect (Kratos v26.2.0) that the IR stage reports as a warning, using each entry's location.
    func decodeSecurity(in fields: ObjectFields) -> [SecurityRequirement]? {
        guard let items = fields.sequence("security") else { return nil }
        return items.compactMap { item in
            guard let requirement = self.fields(of: item.node, at: item.pointer, as: .item(of: "security")) else { return nil }
            return decodeSecurityRequirement(requirement)
        }
    }

    private func decodeSecurityRequirement(_ fields: ObjectFields) -> SecurityRequirement {
        var entries: [SecurityRequirement.Entry] = []
        forEachEntry(of: fields.mapping, at: fields.pointer, skipExtensions: false) { name, keyNode, value, pointer in
            // Scopes are a list, usually empty; null is read as empty for lenience.
            var scopes: [String] = []
            if let items = value.sequence {
                scopes = items.compactMap { scope in
                    guard let text = scope.string else {
                        typeMismatch(.item(of: name), expected: "a string", found: scope)
                        return nil
                    }
                    return text
                }
            } else if !value.isNull {
                typeMismatch(name, expected: "a sequence of scopes", found: value)
            }
            // The entry is anchored at the scheme name, where a dangling name is best reported.
            entries.append(.init(schemeName: name, scopes: scopes, source: sourceRef(keyNode, pointer)))
        }
        return SecurityRequirement(entries: entries)
    }

    func decodeSecurityScheme(_ fields: ObjectFields) -> SecurityScheme? {
        guard let type = fields.requiredString("type", in: "security scheme") else { return nil }
        guard let kind = SecurityScheme.Kind(rawValue: type) else {
            let anchor = fields.value("type") ?? fields.node
            error("unknown security scheme type '\(type)'; expected apiKey, http, oauth2, openIdConnect or mutualTLS", at: anchor)
            return nil
        }
        return SecurityScheme(
            kind: kind, description: fields.string("description"), name: fields.string("name"),
            location: fields.string("in"), scheme: fields.string("scheme"), bearerFormat: fields.string("bearerFormat"),
            source: fields.source
        )
    }
}
