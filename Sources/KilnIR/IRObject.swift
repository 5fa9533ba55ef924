import KilnOpenAPI

/// A JSON object with known properties, generated as a struct.
public struct IRObject: Sendable, Hashable {
    public var properties: [IRProperty]
    /// The value type of extra keys when the schema allows them (`JSONValue` for `true`).
    public var additionalProperties: IRTypeReference?
    /// The Swift member holding extra keys, unique among the properties.
    public var additionalPropertiesName: String

    public init(properties: [IRProperty], additionalProperties: IRTypeReference? = nil, additionalPropertiesName: String = "additionalProperties") {
        self.properties = properties
        self.additionalProperties = additionalProperties
        self.additionalPropertiesName = additionalPropertiesName
    }
}

public struct IRProperty: Sendable, Hashable {
    /// The key in JSON.
    public var jsonName: String
    /// The Swift identifier, unescaped (`default`); templates escape keywords with backticks.
    public var swiftName: String
    public var type: IRTypeReference
    public var required: Bool
    public var nullable: Bool
    public var documentation: IRDocumentation
    /// Set by the server only (`readOnly`): requests leave it out.
    public var readOnly: Bool = false
    /// Sent by the client only (`writeOnly`): responses leave it out.
    public var writeOnly: Bool = false
    /// Stored in a box because the property's type contains the owner (recursive schemas).
    public var indirect: Bool = false
    /// What the client checks before sending the value in a request body.
    public var constraints = IRConstraints()
    /// The schema's `default`, as the initializer's argument default; `nil` when there is none it can use.
    public var defaultValue: IRDefaultValue?
    /// The `default` as written, until `DefaultValueResolution` has every type to read it against.
    var declaredDefault: SpecValue?

    public init(
        jsonName: String, swiftName: String, type: IRTypeReference, required: Bool, nullable: Bool,
        documentation: IRDocumentation
    ) {
        self.jsonName = jsonName
        self.swiftName = swiftName
        self.type = type
        self.required = required
        self.nullable = nullable
        self.documentation = documentation
    }

    /// Swift models a value that may be absent or null as an optional. A required read-only or
    /// write-only property is still absent in one direction, so it is optional too.
    public var isOptional: Bool { !required || nullable || readOnly || writeOnly }
}
