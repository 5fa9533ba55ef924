import KilnIR
import KilnTemplates

/// Turns one IR type into the template context its declaration template reads.
enum TypeContextBuilder {
    static func templateName(for kind: IRType.Kind) -> String {
        switch kind {
        case .object: return "Struct.stencil"
        case .enumeration: return "Enum.stencil"
        case .union: return "Union.stencil"
        case .alias: return "Alias.stencil"
        }
    }

    static func context(for type: IRType, nestedDeclarations: String) -> TemplateValue {
        var context: [String: TemplateValue] = [
            "name": .string(type.name),
            "qualifiedName": .string(type.qualifiedName),
            "sourceName": .string(type.sourceName),
            "doc": TemplateValue(documentationText(type.documentation)),
            "nestedDeclarations": .string(nestedDeclarations),
        ]
        switch type.kind {
        case .object(let object): context.merge(objectContext(object), uniquingKeysWith: { $1 })
        case .enumeration(let enumeration): context.merge(enumerationContext(enumeration), uniquingKeysWith: { $1 })
        case .union(let union): context.merge(unionContext(union), uniquingKeysWith: { $1 })
        case .alias(let target): context["target"] = .string(target.swiftName)
        }
        return .dictionary(context)
    }

    /// Doc text with a deprecation note; `@available(deprecated)` on models would make the generated
    /// `Codable` code itself warn, so deprecation is documented instead.
    static func documentationText(_ documentation: IRDocumentation) -> String? {
        let text = documentation.text
        guard documentation.deprecated else { return text }
        return [text, "- Note: Deprecated."].compactMap { $0 }.joined(separator: "\n\n")
    }

    private static func objectContext(_ object: IRObject) -> [String: TemplateValue] {
        let properties = object.properties.map(propertyContext)
        let arguments = object.properties.map { property in
            "\(SwiftNaming.escaped(property.swiftName)): \(swiftType(of: property))" + (property.isOptional ? " = nil" : "")
        }
        return [
            "properties": .array(properties),
            "initArguments": .string(ArgumentListFormatter.format(arguments, indent: 4)),
            "encodesNullExplicitly": .bool(object.properties.contains { $0.required && $0.nullable }),
        ]
    }

    private static func propertyContext(_ property: IRProperty) -> TemplateValue {
        [
            "name": .string(SwiftNaming.escaped(property.swiftName)),
            "member": .string(SwiftNaming.memberReference(property.swiftName)),
            "type": .string(swiftType(of: property)),
            "jsonName": .string(property.jsonName),
            "jsonNameDiffers": .bool(property.jsonName != property.swiftName),
            "omitWhenNil": .bool(!property.required),
            "doc": TemplateValue(documentationText(property.documentation)),
        ]
    }

    static func swiftType(of property: IRProperty) -> String {
        property.type.swiftName + (property.isOptional ? "?" : "")
    }

    private static func enumerationContext(_ enumeration: IREnumeration) -> [String: TemplateValue] {
        let cases: [TemplateValue] = enumeration.cases.map { enumCase in
            [
                "name": .string(SwiftNaming.escaped(enumCase.swiftName)),
                "member": .string(SwiftNaming.memberReference(enumCase.swiftName)),
                "rawLiteral": .string(
                    enumeration.rawType == .string
                        ? SwiftSyntaxFilters.swiftStringLiteral(enumCase.rawValue) : enumCase.rawValue
                ),
            ]
        }
        return [
            "rawType": .string(enumeration.rawType.rawValue),
            "cases": .array(cases),
            "unknownCase": .string(SwiftNaming.escaped(enumeration.unknownCaseName)),
            "unknownMember": .string(SwiftNaming.memberReference(enumeration.unknownCaseName)),
        ]
    }

    private static func unionContext(_ union: IRUnion) -> [String: TemplateValue] {
        let cases: [TemplateValue] = union.cases.map { unionCase in
            [
                "name": .string(SwiftNaming.escaped(unionCase.swiftName)),
                "member": .string(SwiftNaming.memberReference(unionCase.swiftName)),
                "type": .string(unionCase.type.swiftName),
                "discriminatorValue": TemplateValue(unionCase.discriminatorValues.first),
                "addsDiscriminator": .bool(!unionCase.memberDeclaresDiscriminator),
            ]
        }
        return [
            "discriminator": TemplateValue(union.discriminatorProperty),
            "cases": .array(cases),
            "unknownCase": .string(SwiftNaming.escaped(union.unknownCaseName)),
            "unknownMember": .string(SwiftNaming.memberReference(union.unknownCaseName)),
        ]
    }
}
