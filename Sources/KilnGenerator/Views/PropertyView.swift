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

    static let members: [TemplateMember<PropertyView>] = [
        .init("name", \.name), .init("member", \.member), .init("jsonName", \.jsonName),
        .init("jsonNameDiffers", \.jsonNameDiffers), .init("valueType", \.valueType), .init("isOptional", \.isOptional),
        .init("indirect", \.indirect), .init("preservesNull", \.preservesNull), .init("encodesNilAsNull", \.encodesNilAsNull),
        .init("uuidShape", \.uuidShape), .init("deprecatedAttribute", \.deprecatedAttribute), .init("inInit", \.inInit),
        .init("doc", \.doc),
    ]
}
