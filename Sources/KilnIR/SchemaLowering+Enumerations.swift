import KilnDiagnostics
import KilnOpenAPI

extension SchemaLowering {
    /// String, integer and number `enum`s (and `const`) become Swift enums; others keep their plain type.
    func isEnumerable(_ schema: Schema) -> Bool {
        let values = enumerationValues(schema)
        guard !values.isEmpty else { return false }
        return enumerationRawType(schema, values: values) != nil
    }

    /// `enum` values, the single `const` value (3.1), or the constants of a `oneOf` of titled
    /// constants; without nulls.
    private func enumerationValues(_ schema: Schema) -> [SpecValue] {
        let values = schema.enumValues ?? schema.constValue.map { [$0] } ?? titledConstants(schema)?.map(\.value) ?? []
        return values.filter { !$0.isNull }
    }

    /// `oneOf: [{title: INHERIT, const: 0, description: …}, …]`, a documented enum (Discord writes every
    /// enum so): the constants, each with its title and description. `nil` unless every member is an
    /// inline schema fixing one value and nothing else. As a union each member would be an open enum
    /// of one value, and the first would take every value as `unknown`.
    func titledConstants(_ schema: Schema) -> [(value: SpecValue, title: String?, description: String?)]? {
        let members = schema.oneOf.isEmpty ? schema.anyOf : schema.oneOf
        guard !members.isEmpty, schema.enumValues == nil, schema.constValue == nil, schema.properties.isEmpty,
              schema.allOf.isEmpty, schema.discriminator == nil
        else { return nil }
        var constants: [(value: SpecValue, title: String?, description: String?)] = []
        for member in members {
            guard case .value(let member) = member, member.properties.isEmpty, member.oneOf.isEmpty,
                  member.anyOf.isEmpty, member.allOf.isEmpty,
                  let value = member.constValue ?? (member.enumValues?.count == 1 ? member.enumValues?.first : nil)
            else { return nil }
            constants.append((value, member.title, member.description))
        }
        return constants
    }

    func lowerEnumeration(_ schema: Schema) -> IREnumeration? {
        let values = enumerationValues(schema)
        guard !values.isEmpty, let rawType = enumerationRawType(schema, values: values) else { return nil }
        var descriptions = goEnumDescriptions(schema)
        var titles: [String: String] = [:]
        for constant in titledConstants(schema) ?? [] {
            guard let raw = rawValue(of: constant.value, as: rawType) else { continue }
            if let title = constant.title, !title.isEmpty, titles[raw] == nil { titles[raw] = title }
            if let description = constant.description, descriptions[raw] == nil { descriptions[raw] = description }
        }
        var names = SwiftNamer.memberScope()
        var seenValues: Set<String> = []
        var cases: [IREnumeration.Case] = []
        for value in values {
            guard let raw = rawValue(of: value, as: rawType), seenValues.insert(raw).inserted else { continue }
            let name = names.claim(titles[raw].map(SwiftNaming.memberName(forTitle:)) ?? caseName(for: raw, rawType: rawType))
            cases.append(IREnumeration.Case(swiftName: name, rawValue: raw, documentation: IRDocumentation(details: descriptions[raw])))
        }
        return IREnumeration(rawType: rawType, cases: cases, unknownCaseName: names.claim("unknown"))
    }

    private func caseName(for raw: String, rawType: IREnumeration.RawType) -> String {
        switch rawType {
        case .string: return SwiftNaming.memberName(raw)
        case .int: return caseName(forInteger: raw)
        case .double: return caseName(forInteger: raw.replacingDots)
        }
    }

    /// Go generators document enum values in `x-go-enum-desc`, one `value Description` per line.
    private func goEnumDescriptions(_ schema: Schema) -> [String: String] {
        guard let text = schema.extensions["x-go-enum-desc"]?.text else { return [:] }
        var descriptions: [String: String] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { continue }
            let description = String(parts[1]).trimmingWhitespaceAndNewlines
            if !description.isEmpty { descriptions[String(parts[0])] = description }
        }
        return descriptions
    }

    private func enumerationRawType(_ schema: Schema, values: [SpecValue]) -> IREnumeration.RawType? {
        let declared = schema.nonNullTypes
        if declared == ["string"] { return values.allSatisfy { $0.text != nil } ? .string : nil }
        if declared == ["integer"] { return values.allSatisfy { $0.int != nil } ? .int : nil }
        if declared == ["number"] { return values.allSatisfy { $0.double?.isFinite == true } ? .double : nil }
        guard declared.isEmpty else { return nil }
        if values.allSatisfy({ $0.string != nil }) { return .string }
        if values.allSatisfy({ $0.int != nil }) { return .int }
        return nil
    }

    private func rawValue(of value: SpecValue, as rawType: IREnumeration.RawType) -> String? {
        switch rawType {
        case .string: return value.text
        case .int: return value.int.map(String.init)
        // The spec's own spelling (`1`, `1.5`) is a valid Swift `Double` literal and reads better.
        case .double: return value.double != nil ? value.text : nil
        }
    }

    /// `-1` → `negative1`, `404` → `_404`: numbers need a letter to be identifiers.
    private func caseName(forInteger raw: String) -> String {
        raw.hasPrefix("-") ? "negative" + raw.dropFirst() : "_" + raw
    }
}

extension String {
    /// `1.5` → `1_5`, so a number can be part of an identifier.
    fileprivate var replacingDots: String {
        String(map { $0 == "." ? "_" : $0 })
    }
}
