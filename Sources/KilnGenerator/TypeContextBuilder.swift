import KilnIR
import KilnTemplates

/// Turns one IR type (and its nested types) into the `DeclarationView` its templates render.
enum TypeContextBuilder {
    static func declaration(for type: IRType) -> DeclarationView {
        var view = DeclarationView(
            kind: kind(of: type.kind), name: type.name, qualifiedName: type.qualifiedName, sourceName: type.sourceName,
            doc: documentationText(type.documentation), nestedTypes: type.nestedTypes.map(declaration(for:))
        )
        switch type.kind {
        case .object(let object): view.object = objectView(object)
        case .enumeration(let enumeration): view.enumeration = enumerationView(enumeration)
        case .union(let union): view.union = unionView(union)
        case .alias(let target): view.target = TypeReferenceView(target)
        }
        return view
    }

    /// The `kind` `Declaration.stencil` dispatches on.
    private static func kind(of kind: IRType.Kind) -> String {
        switch kind {
        case .object: return "struct"
        case .enumeration: return "enum"
        case .union(let union): return union.composition == .anyOf ? "anyOf" : "union"
        case .alias: return "alias"
        }
    }

    /// Doc text for a type. Deprecated types are documented as such rather than marked
    /// `@available(deprecated)`: every other model referring to them would then warn.
    static func documentationText(_ documentation: IRDocumentation) -> String? {
        DocumentationText.make(documentation)
    }

    private static func objectView(_ object: IRObject) -> ObjectView {
        let codings = object.properties.map(PropertyCoding.init)
        let initialized = object.properties.filter { !marksDeprecated($0, in: object) }
        var parameters: [InitParameterView] = []
        var widths: [Int] = []
        for property in initialized {
            let name = SwiftNaming.escaped(property.swiftName)
            let defaultLiteral = property.defaultValue.map(DefaultLiteralView.init)
            parameters.append(
                InitParameterView(
                    name: name, type: TypeReferenceView(property.type), isOptional: property.isOptional, defaultLiteral: defaultLiteral
                )
            )
            if let defaultLiteral {
                widths.append(
                    InitArgumentWidth.of(
                        name: name, type: property.type, optional: property.isOptional, defaultWidth: defaultLiteral.spelledWidth
                    )
                )
            } else {
                widths.append(InitArgumentWidth.of(name: name, type: property.type, optional: property.isOptional))
            }
        }
        var additionalProperties: AdditionalPropertiesView?
        if let additional = object.additionalProperties {
            let name = SwiftNaming.escaped(object.additionalPropertiesName)
            parameters.append(
                InitParameterView(name: name, type: TypeReferenceView(.dictionary(additional)), isOptional: false, defaultsToEmpty: true)
            )
            widths.append(InitArgumentWidth.ofAdditionalProperties(name: name, valueType: additional))
            additionalProperties = AdditionalPropertiesView(name: name, valueType: TypeReferenceView(additional))
        }
        return ObjectView(
            properties: object.properties.map { propertyView($0, in: object) },
            explicitCoding: needsExplicitCoding(object),
            nullPreservingMembers: codings.filter(\.preservesNull).map(\.member),
            additionalProperties: additionalProperties,
            initParameters: parameters,
            wrapsInitArguments: InitArgumentWidth.wraps(widths)
        )
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

    private static func propertyView(_ property: IRProperty, in object: IRObject) -> PropertyView {
        var notes: [String] = []
        if property.readOnly { notes.append("Read-only: set by the server, never sent.") }
        if property.writeOnly { notes.append("Write-only: sent to the server, never returned.") }
        let coding = PropertyCoding(property)
        return PropertyView(
            name: coding.name,
            member: coding.member,
            jsonName: property.jsonName,
            jsonNameDiffers: property.jsonName != property.swiftName,
            valueType: TypeReferenceView(property.type),
            isOptional: property.isOptional,
            indirect: property.indirect,
            preservesNull: coding.preservesNull,
            encodesNilAsNull: coding.encodesNilAsNull,
            uuidShape: coding.uuidShape?.rawValue,
            deprecatedAttribute: marksDeprecated(property, in: object),
            inInit: !marksDeprecated(property, in: object),
            doc: DocumentationText.make(property.documentation, notes: notes, defaultUse: defaultUse(of: property, in: object)),
            omittedFrom: omittedDirection(of: property),
            shadowedInCoding: SwiftNamer.codingLocalNames.contains(property.swiftName)
        )
    }

    /// Deprecated optional properties are left out of the initializer, so their default is only documented.
    private static func defaultUse(of property: IRProperty, in object: IRObject) -> DocumentationText.DefaultUse {
        guard property.defaultValue != nil, !marksDeprecated(property, in: object) else { return .documented }
        return property.isOptional ? .initializerDecodingNil : .initializer
    }

    /// The `CodingDirection` case whose encoding leaves the property out: a read-only one is never
    /// sent in a request, a write-only one never in a response.
    private static func omittedDirection(of property: IRProperty) -> String? {
        if property.readOnly { return "request" }
        if property.writeOnly { return "response" }
        return nil
    }

    private static func enumerationView(_ enumeration: IREnumeration) -> EnumerationView {
        EnumerationView(
            rawType: enumeration.rawType.rawValue,
            rawValuesAreStrings: enumeration.rawType == .string,
            cases: enumeration.cases.map { enumCase in
                EnumCaseView(
                    name: SwiftNaming.escaped(enumCase.swiftName), member: SwiftNaming.memberReference(enumCase.swiftName),
                    rawValue: enumCase.rawValue, doc: enumCase.documentation.text
                )
            },
            unknownCase: SwiftNaming.escaped(enumeration.unknownCaseName),
            unknownMember: SwiftNaming.memberReference(enumeration.unknownCaseName)
        )
    }

    private static func unionView(_ union: IRUnion) -> UnionView {
        let widths = union.cases.map { InitArgumentWidth.of(name: SwiftNaming.escaped($0.swiftName), type: $0.type, optional: true) }
        let cases = union.cases.map { unionCase in
            UnionCaseView(
                name: SwiftNaming.escaped(unionCase.swiftName), member: SwiftNaming.memberReference(unionCase.swiftName),
                type: TypeReferenceView(unionCase.type), discriminatorValue: unionCase.discriminatorValues.first,
                discriminatorValues: unionCase.discriminatorValues, addsDiscriminator: !unionCase.memberDeclaresDiscriminator
            )
        }
        let hasDiscriminator = union.discriminatorProperty != nil
        let untagged = zip(union.cases, cases).filter { $0.0.discriminatorValues.isEmpty }.map(\.1)
        let tagOptional = zip(union.cases, cases).filter { $0.0.discriminatorValues.isEmpty || $0.0.discriminatorIsOptional }.map(\.1)
        return UnionView(
            discriminator: union.discriminatorProperty,
            discriminatorIsInteger: union.discriminatorIsInteger,
            indirect: union.indirect,
            cases: cases,
            unknownCase: SwiftNaming.escaped(union.unknownCaseName),
            unknownMember: SwiftNaming.memberReference(union.unknownCaseName),
            casesWithoutTag: hasDiscriminator ? tagOptional : [],
            casesForUnknownTag: hasDiscriminator ? untagged : [],
            initParameters: union.cases.map {
                InitParameterView(name: SwiftNaming.escaped($0.swiftName), type: TypeReferenceView($0.type), isOptional: true)
            },
            wrapsInitArguments: InitArgumentWidth.wraps(widths)
        )
    }
}
