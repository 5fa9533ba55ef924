import KilnIR

/// How one struct property is decoded and encoded when the struct spells out its `Codable` code:
/// the facts `StructCoding.stencil` needs; the statements themselves are its macros.
///
/// Synthesized coding is used whenever it is faithful; explicit coding is generated only for
/// what it gets wrong: explicit `null`s (kept for optional nullable properties, written for
/// required ones), UUIDs (Foundation writes upper case; RFC 4122 and servers use lower case),
/// members beyond the declared properties, and read-only or write-only members (left out of
/// requests or responses by the encoder's `CodingDirection`).
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

    /// Required but nullable: `nil` is written as `null` instead of being left out.
    var encodesNilAsNull: Bool { property.isOptional && property.required && property.nullable }

    /// Explicit coding is needed for this property to round-trip exactly, or to be left out of
    /// the direction it never travels in (read-only and write-only properties).
    var needsExplicitCoding: Bool {
        property.nullable || preservesNull || uuidShape != nil || property.readOnly || property.writeOnly
    }

    /// Where UUIDs sit in the value: encoding writes them in lower case.
    enum UUIDShape: String {
        case single, array, dictionary
    }

    var uuidShape: UUIDShape? {
        switch property.type {
        case .builtin(.uuid): return .single
        case .array(.builtin(.uuid)): return .array
        case .dictionary(.builtin(.uuid)): return .dictionary
        default: return nil
        }
    }
}
