internal import KilnYAML

/// Appends hoisted objects to the root's `components` maps, creating the maps (or `components`) as needed.
enum ComponentsInsertion {
    /// The order new maps are added in, the specification's order of `components` fields.
    private static let mapOrder = [
        "schemas", "responses", "parameters", "examples", "requestBodies", "headers", "securitySchemes", "links", "callbacks",
    ]

    static func insert(_ hoisted: [String: [YAMLMapping.Entry]], into root: YAMLNode) -> YAMLNode {
        guard !hoisted.isEmpty, let rootMapping = root.mapping else { return root }
        var entries = rootMapping.entries
        let position = entries.firstIndex { $0.key.string == "components" }
        let existing = position.map { entries[$0].value } ?? YAMLNode(.mapping(YAMLMapping()), location: root.location)
        let components = appending(hoisted, to: existing)
        if let position {
            entries[position].value = components
        } else {
            entries.append(.init(key: YAMLNode(.scalar(YAMLScalar("components")), location: root.location), value: components))
        }
        var copy = root
        copy.content = .mapping(YAMLMapping(entries))
        return copy
    }

    private static func appending(_ hoisted: [String: [YAMLMapping.Entry]], to components: YAMLNode) -> YAMLNode {
        var entries = components.mapping?.entries ?? []
        for map in mapOrder {
            guard let added = hoisted[map], !added.isEmpty else { continue }
            if let position = entries.firstIndex(where: { $0.key.string == map }) {
                var value = entries[position].value
                value.content = .mapping(YAMLMapping((value.mapping?.entries ?? []) + added))
                entries[position].value = value
            } else {
                let key = YAMLNode(.scalar(YAMLScalar(map)), location: components.location)
                entries.append(.init(key: key, value: YAMLNode(.mapping(YAMLMapping(added)), location: components.location)))
            }
        }
        var copy = components
        copy.content = .mapping(YAMLMapping(entries))
        return copy
    }
}
