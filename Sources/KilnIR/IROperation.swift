import KilnDiagnostics

/// One HTTP operation, ready to become a client method.
public struct IROperation: Sendable, Hashable {
    /// The spec's operationId (or a synthesized one), as written.
    public var operationId: String
    /// The Swift method name, unescaped.
    public var swiftName: String
    /// The name of the operation's namespace in `Operations` (`UpdateLoginFlow`), unique in the module.
    public var typeName: String
    /// Upper-case HTTP method, e.g. `GET`.
    public var method: String
    /// The path template as written, e.g. `/admin/identities/{id}`.
    public var path: String
    public var tag: String?
    public var documentation: IRDocumentation
    /// Path, query, header and cookie parameters in declaration order (path-level ones first).
    public var parameters: [IRParameter]
    public var requestBody: IRRequestBody?
    public var responses: [IRResponse]
    /// Alternatives; each lists schemes that must all be applied. Empty: no authentication.
    public var security: [[String]]
    public var location: SourceLocation

    public init(
        operationId: String, swiftName: String, method: String, path: String, tag: String?,
        documentation: IRDocumentation, parameters: [IRParameter], requestBody: IRRequestBody?,
        responses: [IRResponse], security: [[String]], location: SourceLocation, typeName: String? = nil
    ) {
        self.operationId = operationId
        self.swiftName = swiftName
        self.typeName = typeName ?? SwiftNaming.typeName(operationId)
        self.method = method
        self.path = path
        self.tag = tag
        self.documentation = documentation
        self.parameters = parameters
        self.requestBody = requestBody
        self.responses = responses
        self.security = security
        self.location = location
    }
}

public struct IRParameter: Sendable, Hashable {
    public enum Location: String, Sendable, Hashable {
        case path, query, header, cookie
    }

    public var name: String
    public var swiftName: String
    public var location: Location
    public var type: IRTypeReference
    public var required: Bool
    /// Serialization style (`form`, `simple`, …) with the location's default applied.
    public var style: String
    public var explode: Bool
    /// Query parameters only: reserved characters (`:/?#[]@!$&'()*+,;=`) are sent without percent-encoding.
    public var allowReserved: Bool
    public var documentation: IRDocumentation
    /// What the client checks before sending the value.
    public var constraints = IRConstraints()

    public init(
        name: String, swiftName: String, location: Location, type: IRTypeReference, required: Bool,
        style: String, explode: Bool, documentation: IRDocumentation, allowReserved: Bool = false
    ) {
        self.allowReserved = allowReserved
        self.name = name
        self.swiftName = swiftName
        self.location = location
        self.type = type
        self.required = required
        self.style = style
        self.explode = explode
        self.documentation = documentation
    }
}

public struct IRRequestBody: Sendable, Hashable {
    public struct Content: Sendable, Hashable {
        public var mediaType: String
        public var type: IRTypeReference

        public init(mediaType: String, type: IRTypeReference) {
            self.mediaType = mediaType
            self.type = type
        }
    }

    public var required: Bool
    /// Media types in spec order.
    public var contents: [Content]
    public var documentation: IRDocumentation

    public init(required: Bool, contents: [Content], documentation: IRDocumentation) {
        self.required = required
        self.contents = contents
        self.documentation = documentation
    }

    /// The content the client sends by default: JSON when offered, else the first one.
    public var preferredContent: Content? {
        contents.first { $0.mediaType.isJSONMediaType } ?? contents.first
    }
}

public struct IRResponse: Sendable, Hashable {
    /// The status as written: `200`, `4XX` or `default`.
    public var status: String
    public var description: String
    public var mediaType: String?
    public var bodyType: IRTypeReference?
    /// Documented response headers, in spec order.
    public var headers: [IRResponseHeader]

    public init(
        status: String, description: String, mediaType: String?, bodyType: IRTypeReference?,
        headers: [IRResponseHeader] = []
    ) {
        self.status = status
        self.description = description
        self.mediaType = mediaType
        self.bodyType = bodyType
        self.headers = headers
    }

    /// The numeric status for an exact code, `nil` for ranges and `default`.
    public var statusCode: Int? { Int(status) }

    public var isSuccess: Bool {
        if let statusCode { return (200..<300).contains(statusCode) }
        return status.uppercased() == "2XX"
    }
}

/// A header a response documents, read into a typed property of the status's headers struct.
public struct IRResponseHeader: Sendable, Hashable {
    /// The header name as written (`X-Rate-Limit`).
    public var name: String
    /// The Swift property name, unescaped.
    public var swiftName: String
    public var type: IRTypeReference
    public var required: Bool
    public var documentation: IRDocumentation

    public init(name: String, swiftName: String, type: IRTypeReference, required: Bool, documentation: IRDocumentation) {
        self.name = name
        self.swiftName = swiftName
        self.type = type
        self.required = required
        self.documentation = documentation
    }
}

extension String {
    /// `application/json`, `application/problem+json`, `application/json; charset=utf-8`, …
    public var isJSONMediaType: Bool {
        let base = split(separator: ";").first.map { $0.lowercased() } ?? ""
        return base.trimmingWhitespaceAndNewlines == "application/json" || base.hasSuffix("+json")
    }
}
