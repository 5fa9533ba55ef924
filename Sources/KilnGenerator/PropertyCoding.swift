import KilnIR

/// How one struct property is decoded and encoded when the struct spells out its `Codable` code.
///
/// Synthesized coding is used whenever it is faithful; explicit coding is generated only for
/// what it gets wrong: explicit `null`s (kept for optional nullable properties, written for
/// required ones), UUIDs (Foundation writes upper case; RFC 4122 and servers use lower case),
/// and members beyond the declared properties.
struct PropertyCoding {
    let property: IRProperty
    let name: String
    let member: String

    init(_ property: IRProperty) {
        self.property = property
        name = SwiftNaming.escaped(property.swiftName)
        member = SwiftNaming.memberReference(property.swiftName)
    }

    /// Optional and nullable: a `null` in the JSON is remembered so it can be written back.
    /// Free-form values (`JSONValue`) admit `null` whatever the schema says about nullability.
    var preservesNull: Bool { (property.nullable || property.type == .builtin(.json)) && !property.required }

    /// Explicit coding is needed for this property to round-trip exactly.
    var needsExplicitCoding: Bool {
        property.nullable || preservesNull || uuidShape != nil
    }

    /// `self.x = try container.decode(…)`.
    var decodeStatement: String {
        let method = property.isOptional ? "decodeIfPresent" : "decode"
        return "self.\(name) = try container.\(method)(\(property.type.swiftName).self, forKey: .\(member))"
    }

    /// The statement writing the property; `nil` optionals are left out unless they were `null`.
    var encodeStatement: String {
        if preservesNull {
            return "if let value = \(name) {\n"
                + "    try container.encode(\(encoded("value")), forKey: .\(member))\n"
                + "} else if explicitNulls.contains(.\(member)) {\n"
                + "    try container.encodeNil(forKey: .\(member))\n"
                + "}"
        }
        if property.isOptional && !(property.required && property.nullable) {
            let value = uuidShape == nil ? name : "\(name).map { \(encoded("$0")) }"
            return "try container.encodeIfPresent(\(value), forKey: .\(member))"
        }
        if property.isOptional {
            // Required but nullable: `nil` is written as `null`.
            let value = uuidShape == nil ? name : "\(name).map { \(encoded("$0")) }"
            return "try container.encode(\(value), forKey: .\(member))"
        }
        return "try container.encode(\(encoded(name)), forKey: .\(member))"
    }

    private enum UUIDShape {
        case single, array, dictionary
    }

    private var uuidShape: UUIDShape? {
        switch property.type {
        case .builtin(.uuid): return .single
        case .array(.builtin(.uuid)): return .array
        case .dictionary(.builtin(.uuid)): return .dictionary
        default: return nil
        }
    }

    /// The value as written to JSON: UUIDs in lower case, everything else as is.
    private func encoded(_ value: String) -> String {
        switch uuidShape {
        case .single?: return "\(value).uuidString.lowercased()"
        case .array?: return "\(value).map { $0.uuidString.lowercased() }"
        case .dictionary?: return "\(value).mapValues { $0.uuidString.lowercased() }"
        case nil: return value
        }
    }
}
