import KilnTemplates

/// One stored property of a struct, with the facts its declaration and coding depend on.
struct PropertyView: TemplateViewModel {
    /// The identifier, escaped where it is a keyword (`` `default` ``).
    var name: String
    /// The identifier after a dot (`.default`: no escaping needed there).
    var member: String
    var jsonName: String
    var jsonNameDiffers: Bool
    /// The type without the optional: what is decoded.
    var valueType: TypeReferenceView
    var isOptional: Bool
    var indirect: Bool
    /// Optional and nullable (or free-form): a `null` read is remembered and written back.
    var preservesNull: Bool
    /// Required but nullable: `nil` is written as `null` rather than left out.
    var encodesNilAsNull: Bool
    /// `single`, `array` or `dictionary` when the value holds UUIDs, written in lower case.
    var uuidShape: String?
    var deprecatedAttribute: Bool
    /// Whether the memberwise initializer takes it (deprecated optional ones are left out).
    var inInit: Bool
    var doc: String?
    /// `request` (read-only) or `response` (write-only): the `CodingDirection` whose encoding leaves it out.
    var omittedFrom: String?
    /// Named like a local of `encode(to:)`, so read there as `self.name`.
    var shadowedInCoding: Bool = false

    static let members: TemplateMembers<PropertyView> = [
        .init("name") { $0.name }, .init("member") { $0.member }, .init("jsonName") { $0.jsonName },
        .init("jsonNameDiffers") { $0.jsonNameDiffers }, .init("valueType") { $0.valueType }, .init("isOptional") { $0.isOptional },
        .init("indirect") { $0.indirect }, .init("preservesNull") { $0.preservesNull }, .init("encodesNilAsNull") { $0.encodesNilAsNull },
        .init("uuidShape") { $0.uuidShape }, .init("deprecatedAttribute") { $0.deprecatedAttribute }, .init("inInit") { $0.inInit },
        .init("doc") { $0.doc }, .init("omittedFrom") { $0.omittedFrom }, .init("shadowedInCoding") { $0.shadowedInCoding },
    ]
}
