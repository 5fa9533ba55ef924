/// How the client authenticates for one named scheme.
public struct IRSecurityScheme: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A key sent as the named header, query parameter or cookie.
        case apiKey(name: String, location: String)
        /// `Authorization: Bearer <token>` (also used for OAuth2 and OpenID Connect).
        case bearer
        /// `Authorization: Basic <base64(user:password)>`.
        case basic
    }

    /// The scheme's key in `components.securitySchemes`.
    public var name: String
    /// The Swift property name on the generated `Authentication` struct.
    public var swiftName: String
    public var kind: Kind
    public var documentation: IRDocumentation

    public init(name: String, swiftName: String, kind: Kind, documentation: IRDocumentation) {
        self.name = name
        self.swiftName = swiftName
        self.kind = kind
        self.documentation = documentation
    }
}
