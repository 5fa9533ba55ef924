import KilnOpenAPI

/// Reads each property's `default` against the property's Swift type, once every type is known
/// (an enum may be declared after the object using it): a literal the initializer can take, or none.
enum DefaultValueResolution {
    static func resolving(_ types: [IRType]) -> [IRType] {
        let typesByName = [String: IRType].byQualifiedName(types)
        return types.map { resolving($0, typesByName: typesByName) }
    }

    private static func resolving(_ type: IRType, typesByName: [String: IRType]) -> IRType {
        var type = type
        if case .object(var object) = type.kind {
            for index in object.properties.indices {
                guard let declared = object.properties[index].declaredDefault else { continue }
                object.properties[index].defaultValue = defaultValue(declared, for: object.properties[index].type, typesByName: typesByName)
                object.properties[index].declaredDefault = nil
            }
            type.kind = .object(object)
        }
        type.nestedTypes = type.nestedTypes.map { resolving($0, typesByName: typesByName) }
        return type
    }

    static func defaultValue(_ value: SpecValue, for type: IRTypeReference, typesByName: [String: IRType]) -> IRDefaultValue? {
        switch typesByName.resolvingAliases(type) {
        case .builtin(let builtin):
            return scalar(value, as: builtin)
        case .named(let name):
            guard case .enumeration(let enumeration)? = typesByName[name]?.kind else { return nil }
            return enumCase(value, in: enumeration)
        case .array:
            if let items = value.array, items.isEmpty { return .emptyArray }
            return nil
        case .dictionary:
            return nil
        }
    }

    private static func scalar(_ value: SpecValue, as builtin: IRBuiltinType) -> IRDefaultValue? {
        switch builtin {
        case .string:
            return value.string.map(IRDefaultValue.string)
        case .int, .int32, .int64:
            return value.int.map(IRDefaultValue.integer)
        case .double, .float:
            guard value.double != nil, let text = value.text else { return nil }
            // `1` is a valid Double literal too; the text keeps the author's spelling.
            return .number(text)
        case .bool:
            return value.bool.map(IRDefaultValue.boolean)
        case .date, .uuid, .data, .json:
            return nil
        }
    }

    /// The case whose raw value the default is; a default outside the enum is the document's defect
    /// and stays in the docs only.
    private static func enumCase(_ value: SpecValue, in enumeration: IREnumeration) -> IRDefaultValue? {
        let raw: String?
        switch enumeration.rawType {
        case .string: raw = value.string
        case .int: raw = value.int.map(String.init)
        case .double: raw = value.text
        }
        guard let raw, let match = enumeration.cases.first(where: { $0.rawValue == raw }) else { return nil }
        return .enumCase(match.swiftName)
    }
}
