import KilnDiagnostics
import KilnOpenAPI
import KilnYAML

extension SchemaLowering {
    /// String and integer `enum`s become Swift enums; other kinds keep their plain type.
    func isEnumerable(_ schema: Schema) -> Bool {
        guard let values = schema.enumValues, !values.isEmpty else { return false }
        return enumerationRawType(schema, values: values) != nil
    }

    func lowerEnumeration(_ schema: Schema) -> IREnumeration? {
        guard let values = schema.enumValues, !values.isEmpty,
              let rawType = enumerationRawType(schema, values: values)
        else { return nil }
        var names = NameScope()
        var seenValues: Set<String> = []
        var cases: [IREnumeration.Case] = []
        for value in values where !value.isNull {
            guard let raw = rawValue(of: value, as: rawType), seenValues.insert(raw).inserted else { continue }
            let preferred = rawType == .int ? caseName(forInteger: raw) : SwiftNaming.memberName(raw)
            cases.append(IREnumeration.Case(swiftName: names.claim(preferred), rawValue: raw))
        }
        return IREnumeration(rawType: rawType, cases: cases, unknownCaseName: names.claim("unknown"))
    }

    private func enumerationRawType(_ schema: Schema, values: [YAMLNode]) -> IREnumeration.RawType? {
        let declared = schema.nonNullTypes
        if declared == ["string"] { return .string }
        if declared == ["integer"] { return .int }
        guard declared.isEmpty else { return nil }
        let nonNull = values.filter { !$0.isNull }
        if nonNull.allSatisfy(\.isStringScalar) { return .string }
        if nonNull.allSatisfy({ $0.int != nil }) { return .int }
        return nil
    }

    private func rawValue(of node: YAMLNode, as rawType: IREnumeration.RawType) -> String? {
        switch rawType {
        case .string: return node.scalar?.value
        case .int: return node.int.map(String.init)
        }
    }

    /// `-1` → `negative1`, `404` → `_404`: integers need a letter to be identifiers.
    private func caseName(forInteger raw: String) -> String {
        raw.hasPrefix("-") ? "negative" + raw.dropFirst() : "_" + raw
    }
}
