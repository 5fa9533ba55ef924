internal import KilnYAML

/// `components`: the named, reusable objects that `$ref`s point at.
extension DecodingContext {
    func decodeComponents(in document: ObjectFields) -> Components {
        var components = Components()
        guard let fields = document.object("components") else { return components }
        components.schemas = decodeComponentMap(in: fields, kind: .schemas) { node, pointer, name in
            self.decodeSchema(node, at: pointer, as: .key(name))
        }
        components.responses = decodeComponentMap(in: fields, kind: .responses) { node, pointer, name in
            self.referenceable(node, at: pointer, as: .key(name), kind: .responses, decodeValue: self.decodeResponse)
        }
        components.parameters = decodeComponentMap(in: fields, kind: .parameters) { node, pointer, name in
            self.referenceable(node, at: pointer, as: .key(name), kind: .parameters, decodeValue: self.decodeParameter)
        }
        components.requestBodies = decodeComponentMap(in: fields, kind: .requestBodies) { node, pointer, name in
            self.referenceable(node, at: pointer, as: .key(name), kind: .requestBodies, decodeValue: self.decodeRequestBody)
        }
        components.headers = decodeComponentMap(in: fields, kind: .headers) { node, pointer, name in
            self.referenceable(node, at: pointer, as: .key(name), kind: .headers, decodeValue: self.decodeHeader)
        }
        components.securitySchemes = decodeComponentMap(in: fields, kind: .securitySchemes) { node, pointer, name in
            self.referenceable(node, at: pointer, as: .key(name), kind: .securitySchemes, decodeValue: self.decodeSecurityScheme)
        }
        return components
    }

    /// One `components.<kind>` map. Every key is a component name, so `x-` keys are names here too.
    private func decodeComponentMap<Value>(
        in components: ObjectFields, kind: ComponentKind,
        decode: (YAMLNode, JSONPointer, String) -> Referenceable<Value>?
    ) -> OrderedMap<Referenceable<Value>> {
        guard let map = components.object(kind.rawValue) else { return .init() }
        var result = OrderedMap<Referenceable<Value>>()
        forEachEntry(of: map.mapping, at: map.pointer, skipExtensions: false) { name, _, value, pointer in
            if let component = decode(value, pointer, name) { result[name] = component }
        }
        return result
    }
}
