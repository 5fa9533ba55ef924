/// A JSON object with known properties, generated as a struct.
public struct IRObject: Sendable, Hashable {
    public var properties: [IRProperty]
    /// The value type of extra keys when the schema allows them and says what they hold.
    public var additionalProperties: IRTypeReference?

    public init(properties: [IRProperty], additionalProperties: IRTypeReference? = nil) {
        self.properties = properties
        self.additionalProperties = additionalProperties
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

    /// Swift models a value that may be absent or null as an optional.
    public var isOptional: Bool { !required || nullable }
}
