import KilnIR
import KilnTemplates

/// Turns one IR type into the template context its declaration template reads.
enum TypeContextBuilder {
    static func templateName(for kind: IRType.Kind) -> String {
        switch kind {
        case .object: return "Struct.stencil"
        case .enumeration: return "Enum.stencil"
        case .union(let union): return union.composition == .anyOf ? "AnyOf.stencil" : "Union.stencil"
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

    /// Doc text for a type. Deprecated types are documented as such rather than marked
    /// `@available(deprecated)`: every other model referring to them would then warn.
    static func documentationText(_ documentation: IRDocumentation) -> String? {
        DocumentationText.make(documentation)
    }

    private static func objectContext(_ object: IRObject) -> [String: TemplateValue] {
        let properties = object.properties.map { propertyContext($0, in: object) }
        var arguments = object.properties.filter { !marksDeprecated($0, in: object) }.map { property in
            "\(SwiftNaming.escaped(property.swiftName)): \(swiftType(of: property))" + (property.isOptional ? " = nil" : "")
        }
        let codings = object.properties.map(PropertyCoding.init)
        var context: [String: TemplateValue] = [
            "properties": .array(properties),
            "explicitCoding": .bool(needsExplicitCoding(object)),
            "nullPreservingMembers": .array(codings.filter(\.preservesNull).map { .string("." + $0.member) }),
            "additionalProperties": .null,
        ]
        if let additional = object.additionalProperties {
            let name = SwiftNaming.escaped(object.additionalPropertiesName)
            arguments.append("\(name): [String: \(additional.swiftName)] = [:]")
            context["additionalProperties"] = [
                "name": .string(name),
                "valueType": .string(additional.swiftName),
            ]
        }
        context["initArguments"] = .string(ArgumentListFormatter.format(arguments, indent: 4))
        return context
    }

    /// `@available(deprecated)` only where no generated code touches the property: optional ones,
    /// which the memberwise initializer leaves out, in types with synthesized coding.
    /// Whether the property's declaration carries `@available(*, deprecated)`; the validation code
    /// that reads such a property must then be deprecated itself to compile without a warning.
    static func marksDeprecated(_ property: IRProperty, in object: IRObject) -> Bool {
        property.documentation.deprecated && property.isOptional && !property.indirect && !needsExplicitCoding(object)
    }

    /// Synthesized `Codable` unless a property or extra members need spelled-out coding.
    private static func needsExplicitCoding(_ object: IRObject) -> Bool {
        object.additionalProperties != nil || object.properties.contains { PropertyCoding($0).needsExplicitCoding }
    }

    private static func propertyContext(_ property: IRProperty, in object: IRObject) -> TemplateValue {
        var notes: [String] = []
        if property.readOnly { notes.append("Read-only: set by the server, never sent.") }
        if property.writeOnly { notes.append("Write-only: sent to the server, never returned.") }
        return [
            "name": .string(SwiftNaming.escaped(property.swiftName)),
            "member": .string(SwiftNaming.memberReference(property.swiftName)),
            "type": .string(swiftType(of: property)),
            "valueType": .string(property.type.swiftName),
            "jsonName": .string(property.jsonName),
            "jsonNameDiffers": .bool(property.jsonName != property.swiftName),
            "omitWhenNil": .bool(!property.required || property.readOnly || property.writeOnly),
            "isOptional": .bool(property.isOptional),
            "indirect": .bool(property.indirect),
            "decodeStatement": .string(PropertyCoding(property).decodeStatement),
            "encodeStatement": .string(PropertyCoding(property).encodeStatement),
            "deprecatedAttribute": .bool(marksDeprecated(property, in: object)),
            "inInit": .bool(!marksDeprecated(property, in: object)),
            "doc": TemplateValue(DocumentationText.make(property.documentation, notes: notes)),
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
                "doc": TemplateValue(enumCase.documentation.text),
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
        let arguments = union.cases.map { "\(SwiftNaming.escaped($0.swiftName)): \($0.type.swiftName)? = nil" }
        return [
            "initArguments": .string(ArgumentListFormatter.format(arguments, indent: 4)),
            "discriminator": TemplateValue(union.discriminatorProperty),
            "indirect": .bool(union.indirect),
            "cases": .array(cases),
            "unknownCase": .string(SwiftNaming.escaped(union.unknownCaseName)),
            "unknownMember": .string(SwiftNaming.memberReference(union.unknownCaseName)),
        ]
    }
}
