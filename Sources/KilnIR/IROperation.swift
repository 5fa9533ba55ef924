import KilnDiagnostics

/// One HTTP operation, ready to become a client method.
public struct IROperation: Sendable, Hashable {
    /// The spec's operationId (or a synthesized one), as written.
    public var operationId: String
    /// The Swift method name, unescaped; given by `SwiftNamer`.
    public var swiftName: String
    /// `xResponse`: every documented response as a case; given by `SwiftNamer`.
    public var responseMethodName: String
    /// `xRaw`: the HTTP response as received; given by `SwiftNamer`.
    public var rawMethodName: String
    /// The name of the operation's namespace in `Operations` (`UpdateLoginFlow`), unique in the module.
    public var typeName: String
    public var method: IRHTTPMethod
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
    /// Set when the operation's results come a page at a time (`xPages`).
    public var pagination: IRPagination?
    /// `xEventStream`, …: a method per media type of ``successAlternatives``, asking for that type; given by `SwiftNamer`.
    public var alternativeMethodNames: [String] = []
    public var location: SourceLocation

    public init(
        operationId: String, swiftName: String, method: IRHTTPMethod, path: String, tag: String?,
        documentation: IRDocumentation, parameters: [IRParameter], requestBody: IRRequestBody?,
        responses: [IRResponse], security: [[String]], location: SourceLocation, typeName: String? = nil
    ) {
        self.operationId = operationId
        self.swiftName = swiftName
        self.responseMethodName = swiftName + "Response"
        self.rawMethodName = swiftName + "Raw"
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

    /// Whether some response body is read as it arrives (events, records, bytes), in some media type:
    /// then the client's raw method returns as soon as the head arrives.
    public var streamsResponse: Bool {
        responses.contains { $0.stream != nil || $0.alternatives.contains { $0.stream != nil } }
    }

    /// The other media types of the success responses, one per type (the first success response's
    /// when several document it): each gets a method that asks for it.
    public var successAlternatives: [IRResponseAlternative] {
        var seen: Set<String> = []
        return responsesInMatchOrder.filter(\.status.isSuccess).flatMap(\.alternatives).filter { seen.insert($0.mediaType.base).inserted }
    }

    /// The responses as a `switch` over the status tries them: exact codes, then ranges, then
    /// `default`, each group in spec order.
    public var responsesInMatchOrder: [IRResponse] {
        responses.enumerated().sorted { lhs, rhs in
            let (left, right) = (lhs.element.status.matchPrecedence, rhs.element.status.matchPrecedence)
            return left != right ? left < right : lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// The responses the convenience method returns: the 2xx ones, in match order.
    public var successResponses: [IRResponse] {
        responsesInMatchOrder.filter(\.status.isSuccess)
    }
}

public struct IRParameter: Sendable, Hashable {
    public enum Location: String, Sendable, Hashable {
        case path, query, header, cookie
    }

    public var name: String
    /// The argument label, unescaped.
    public var swiftName: String
    /// The name the value goes by inside the generated methods, escaped: the label unless a local
    /// of those methods has it (`request` → `requestValue`). Given by `SwiftNamer`.
    public var valueName: String
    public var location: Location
    public var type: IRTypeReference
    public var required: Bool
    /// Serialization style with the location's default applied.
    public var style: IRParameterStyle
    public var explode: Bool
    /// Query parameters only: reserved characters (`:/?#[]@!$&'()*+,;=`) are sent without percent-encoding.
    public var allowReserved: Bool
    public var documentation: IRDocumentation
    /// What the client checks before sending the value.
    public var constraints = IRConstraints()

    public init(
        name: String, swiftName: String, location: Location, type: IRTypeReference, required: Bool,
        style: IRParameterStyle, explode: Bool, documentation: IRDocumentation, allowReserved: Bool = false
    ) {
        self.allowReserved = allowReserved
        self.name = name
        self.swiftName = swiftName
        self.valueName = SwiftNamer.valueName(ofParameter: swiftName)
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
        public var mediaType: IRMediaType
        public var type: IRTypeReference
        public var coding: IRBodyCoding
        /// The case of `Operations.X.Body` when the body offers several media types (`json`,
        /// `urlEncodedForm`), unescaped; given by `SwiftNamer`.
        public var caseName: String
        /// A multipart body's parts whose `Content-Type` the `encoding` object sets, by property, in spec order.
        public var partEncodings: [IRPartEncoding] = []

        public init(mediaType: IRMediaType, type: IRTypeReference, caseName: String = "") {
            self.mediaType = mediaType
            self.coding = IRBodyCoding.ofRequest(mediaType, type: type)
            // Bytes are sent as a body that streams, so that a file or a sequence need not be in memory.
            self.type = coding == .bytes ? .builtin(.body) : type
            self.caseName = caseName
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
        contents.first { $0.mediaType.isJSON } ?? contents.first
    }
}

public struct IRResponse: Sendable, Hashable {
    public var status: IRResponseStatus
    public var description: String
    /// The media type the body is read in (JSON when offered); `nil` without content.
    public var mediaType: IRMediaType?
    /// Set exactly when `mediaType` is.
    public var bodyType: IRTypeReference?
    /// Set exactly when `mediaType` is.
    public var coding: IRBodyCoding?
    /// Set when the body streams items (server-sent events, JSON Lines): the client reads it as
    /// they arrive. `bodyType` and `coding` still describe the body read whole.
    public var stream: IRResponseStream?
    /// Documented response headers, in spec order.
    public var headers: [IRResponseHeader]
    /// The case of `Operations.X.Response` (`ok`, `clientError`, `default`), unescaped; given by `SwiftNamer`.
    public var caseName: String
    /// The struct the headers are read into (`OkHeaders`); `nil` when none are documented. Given by `SwiftNamer`.
    public var headersTypeName: String?
    /// The body's other documented media types that read differently (events next to JSON), in spec order.
    public var alternatives: [IRResponseAlternative] = []

    public init(
        status: IRResponseStatus, description: String, mediaType: IRMediaType?, bodyType: IRTypeReference?,
        headers: [IRResponseHeader] = [], stream: IRResponseStream? = nil
    ) {
        self.stream = stream
        self.status = status
        self.description = description
        self.mediaType = mediaType
        self.bodyType = bodyType
        self.coding = mediaType.flatMap { mediaType in bodyType.map { IRBodyCoding.ofResponse(mediaType, type: $0) } }
        self.headers = headers
        self.caseName = ""
        self.headersTypeName = nil
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
