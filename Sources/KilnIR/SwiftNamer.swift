/// Gives every Swift name the generated code uses, with the collision rules in one place: which
/// names are reserved in which scope, who claims first, and what a name that is taken becomes.
/// `SwiftNaming` spells one name; `NameScope` keeps a scope's names unique.
///
/// The generator reads these names from the IR and decides none of its own.
public enum SwiftNamer {
    // MARK: Types

    /// Type names that would shadow Swift, Foundation or the generated support code: every type name
    /// the built-in templates use at module scope (`ReservedTypeNamesTests` reads the templates to
    /// keep this list complete), so that no model type can stand in for one of them.
    public static let reservedTypeNames: Set<String> = swiftAndFoundationTypeNames.union(supportTypeNames)

    static let swiftAndFoundationTypeNames: Set<String> = [
        "Any", "AnyObject", "Array", "ArraySlice", "AsyncIteratorProtocol", "AsyncSequence", "BinaryFloatingPoint",
        "BinaryInteger", "Bool", "CancellationError", "CaseIterable", "Character", "CharacterSet", "Codable", "CodingKey",
        "CodingUserInfoKey", "CustomStringConvertible", "Data", "Date", "Decimal", "Decodable", "Decoder", "DecodingError",
        "Dictionary", "Double", "Duration", "Encodable", "Encoder", "EncodingError", "Equatable", "Error", "ExpressibleByArrayLiteral",
        "ExpressibleByBooleanLiteral", "ExpressibleByDictionaryLiteral", "ExpressibleByFloatLiteral",
        "ExpressibleByIntegerLiteral", "ExpressibleByNilLiteral", "ExpressibleByStringLiteral", "Float", "Foundation",
        "FoundationNetworking", "Hashable", "Hasher", "HTTPURLResponse", "Identifiable", "Int", "Int8", "Int16", "Int32",
        "Int64", "JSONDecoder", "JSONEncoder", "KeyPath", "KeyedDecodingContainer", "KeyedDecodingContainerProtocol",
        "KeyedEncodingContainer", "KeyedEncodingContainerProtocol", "LosslessStringConvertible", "Never", "NSObject",
        "NSLock", "NSRange", "NSRegularExpression", "Optional", "Protocol", "RawRepresentable", "RawValue", "ReferenceWritableKeyPath", "Result", "Self",
        "Sendable", "Sequence", "Set", "SingleValueDecodingContainer", "SingleValueEncodingContainer", "String", "Substring", "Swift",
        "Task", "TimeInterval", "Type", "UInt", "UInt8", "UInt16", "UInt32", "UInt64", "Unicode",
        "UnkeyedDecodingContainer", "UnkeyedEncodingContainer", "URL", "URLComponents", "URLError", "URLRequest",
        "URLResponse", "URLSession", "URLSessionTask", "URLSessionTaskDelegate", "UTF8", "UUID", "Void",
        "AsyncThrowingStream", "CheckedContinuation", "FileHandle", "FileManager", "NSLock", "NSNumber",
        "URLSessionConfiguration", "URLSessionDataDelegate", "URLSessionDataTask",
        "CocoaError", "NSFilePathErrorKey", "ObjectIdentifier",
        // The modules the AsyncHTTPClient transport's file imports and qualifies its types with.
        "AsyncHTTPClient", "NIOCore", "NIOHTTP1",
    ]

    /// The generated support code's own types (`Templates/Support.*`, `Server.*`, `Client.swift`).
    static let supportTypeNames: Set<String> = [
        "AsyncHTTPClientTransport", "ProgressCounter", "TransferProgress",
        "AnyCodingKey", "AnyOfValidation", "APIError", "APIHandler", "Authentication", "BasicCredentials", "Client", "ClientMiddleware",
        "ClientProtocol", "MockClient", "MockClientError",
        "CodingDirection", "DecodableResponse", "DigitScanner", "EncodedValue", "FormDecoder", "FormKeyedContainer",
        "FormSingleValueContainer", "FormUnkeyedContainer", "FormValueDecoder", "HeadersMiddleware", "HTTPRequest",
        "HTTPResponse", "HTTPTransport", "Indirect", "InProcessTransport", "JSONCoding", "JSONValue", "LinkHeader",
        "LoggingMiddleware", "MultipartFormBuilder", "OperationError", "Operations", "PageSequence", "ParameterEncoder",
        "ParameterLocation", "ParameterStyle", "ParameterStyleWriter", "ParameterValue", "PartialAPIHandler",
        "RedirectRefusal", "RequestBuilder", "RequestValidatable", "RequestValidationError", "RequestValidator",
        "RetryMiddleware", "RFC3339Date", "Route", "RouteTable", "Router", "ServerRequest", "ServerRequestError",
        "URLSessionTransport", "LineSplitter", "ServerSentEvent", "ServerSentEventParser", "ServerSentEventSequence",
        "TypedEvent", "TypedEventSequence", "TypedRecord", "TypedRecordSequence", "HTTPBody", "HTTPBodyError",
        "StreamedHTTPResponse", "ResponseStreamer", "StreamedResponseHandoff",
        "ChunkIterator", "ChunkSource", "ErasedChunkIterator", "FileChunkIterator", "RefusedChunkIterator", "EventStream", "RecordStream",
    ]

    /// Names the types inside every `Operations.X` namespace have.
    public static let operationNamespaceMembers: Set<String> = ["Response", "Body"]

    /// The local names of a model's `encode(to:)` (`Templates/StructCoding.stencil`): a property named
    /// like one is read through `self.` there, or the local would hide it.
    public static let codingLocalNames: Set<String> = ["container", "encoder", "value"]

    /// Nested types may not be named like members every Swift type has (`UiNode.Type` is the metatype).
    static let reservedNestedTypeNames: Set<String> = ["Type", "Protocol", "Self", "CodingKeys", "DiscriminatorKeys"]

    /// The module's top level: each type is a file too, so names are compared as case-folding file systems do.
    static func moduleTypeScope(moduleName: String) -> NameScope {
        NameScope(reserved: reservedTypeNames.union([moduleName]), foldsCase: true)
    }

    /// Component schema name → type name: the user's choices claim first, so derived names make way;
    /// a derived name that would shadow Swift or the module gets `Model` (`Date` → `DateModel`).
    static func componentTypeNames(
        _ schemaNames: [String], chosen: [String: String], moduleName: String, scope: inout NameScope
    ) -> [String: String] {
        let shadowed = reservedTypeNames.union([moduleName])
        var names: [String: String] = [:]
        for name in schemaNames {
            if let chosenName = chosen[name] { names[name] = scope.claim(chosenName) }
        }
        for name in schemaNames where names[name] == nil {
            let preferred = SwiftNaming.typeName(name)
            names[name] = scope.claim(shadowed.contains(preferred) ? preferred + "Model" : preferred)
        }
        return names
    }

    /// The names of the types nested in one type.
    static func nestedTypeScope() -> NameScope {
        NameScope(reserved: reservedNestedTypeNames)
    }

    /// A nested type's name: `Type` becomes `Kind` because `type` properties are common, other
    /// reserved names get a `Value` suffix.
    static func nestedTypeName(_ preferred: String, in scope: inout NameScope) -> String {
        // A nested `Date` or `String` would capture the Foundation type for every property of its owner.
        guard reservedNestedTypeNames.contains(preferred) || reservedTypeNames.contains(preferred) else {
            return scope.claim(preferred)
        }
        return scope.claim(preferred == "Type" ? "Kind" : preferred + "Value")
    }

    /// The `Operations.X` namespaces: members of `Operations`, compared as files would be.
    static func operationTypeScope() -> NameScope {
        NameScope(reserved: reservedTypeNames.union(operationNamespaceMembers), foldsCase: true)
    }

    // MARK: Members

    /// Properties, enum cases, union cases, server variables, security schemes: any name will do.
    static func memberScope() -> NameScope { NameScope() }

    /// An operation's parameters: `body` is the request body's label.
    static func parameterScope() -> NameScope { NameScope(reserved: ["body"]) }

    /// The properties of a headers struct, which has a memberwise `init`.
    static func responseHeaderScope() -> NameScope { NameScope(reserved: ["init"]) }

    /// Locals of the generated client methods; a parameter of the same name gets another name inside them.
    static let methodLocalNames: Set<String> = ["raw", "request", "pageToken", "validator"]

    /// The name a parameter's value goes by inside the generated methods, escaped.
    static func valueName(ofParameter swiftName: String) -> String {
        methodLocalNames.contains(swiftName) ? swiftName + "Value" : SwiftNaming.escaped(swiftName)
    }

    // MARK: Methods

    /// Names the client methods of the kept operations. Methods the user renamed claim first, the
    /// others in document order, then the `…Response`, `…Raw` and `…Pages` variants, which give
    /// way to a method of the same name (`listRaw2` when `listRaw` is an operation of its own).
    static func nameMethods(of operations: inout [IROperation], chosen: [String: String]) {
        var names = memberScope()
        let preferred = operations.map { chosen[$0.operationId] ?? SwiftNaming.memberName($0.operationId) }
        for index in operations.indices where chosen[operations[index].operationId] != nil {
            operations[index].swiftName = names.claim(preferred[index])
        }
        for index in operations.indices where chosen[operations[index].operationId] == nil {
            operations[index].swiftName = names.claim(preferred[index])
        }
        for index in operations.indices {
            let base = operations[index].swiftName
            operations[index].responseMethodName = names.claim(base + "Response")
            operations[index].rawMethodName = names.claim(base + "Raw")
            if operations[index].pagination != nil {
                operations[index].pagination?.methodName = names.claim(base + "Pages")
            }
            operations[index].alternativeMethodNames = operations[index].successAlternatives.map { names.claim(base + $0.nameSuffix) }
        }
    }

    // MARK: The mock

    /// `MockClient`'s stored handler answering a method (`getIdentityHandler`); the method's name
    /// unescaped, since a keyword followed by `Handler` is none.
    public static func mockHandlerName(ofMethod methodName: String) -> String { methodName + "Handler" }

    /// `MockClient`'s list of an operation's recorded calls (`getIdentityCalls`).
    public static func mockCallsName(of operation: IROperation) -> String { operation.swiftName + "Calls" }

    /// The struct nested in `MockClient` recording one call's arguments (`GetIdentityCall`). Unique
    /// among them since operation type names are; the mock qualifies a model it would shadow.
    public static func mockCallTypeName(of operation: IROperation) -> String { operation.typeName + "Call" }

    // MARK: Bodies and responses

    /// The cases of `Operations.X.Body`: `json`, `urlEncodedForm`, `multipartForm`, `plainText`,
    /// `binary`, else the subtype (`xml`, `any` for `*`); a second JSON type gets `json2`.
    static func nameBodyCases(of contents: inout [IRRequestBody.Content]) {
        var names = memberScope()
        for index in contents.indices {
            contents[index].caseName = names.claim(bodyCaseName(contents[index].mediaType))
        }
    }

    private static func bodyCaseName(_ mediaType: IRMediaType) -> String {
        switch mediaType.kind {
        case .json where mediaType.base == "application/json": return "json"
        case .urlEncodedForm: return "urlEncodedForm"
        case .multipartForm: return "multipartForm"
        case .plainText: return "plainText"
        case .binary: return "binary"
        case .json, .other: return SwiftNaming.memberName(mediaType.subtype.replacingOccurrences(of: "*", with: "any"))
        }
    }

    static let statusCaseNames: [Int: String] = [
        200: "ok", 201: "created", 202: "accepted", 204: "noContent",
        301: "movedPermanently", 302: "found", 303: "seeOther", 304: "notModified", 307: "temporaryRedirect",
        400: "badRequest", 401: "unauthorized", 402: "paymentRequired", 403: "forbidden", 404: "notFound",
        405: "methodNotAllowed", 409: "conflict", 410: "gone", 422: "unprocessableContent", 429: "tooManyRequests",
        500: "internalServerError", 502: "badGateway", 503: "serviceUnavailable",
    ]

    static let rangeCaseNames: [Int: String] = [
        1: "informational", 2: "success", 3: "redirection", 4: "clientError", 5: "serverError",
    ]

    /// The cases of `Operations.X.Response` (`ok`, `status418`, `clientError`, `default`; `4XX` and
    /// `4xx` both written: `clientError2`) and their headers structs (`OkHeaders`), in spec order.
    static func nameResponseCases(of responses: inout [IRResponse]) {
        var names = memberScope()
        for index in responses.indices {
            let name = names.claim(preferredCaseName(responses[index].status))
            responses[index].caseName = name
            // `…Headers` cannot meet `Response`, `Body` or `Input`, and case names are unique.
            responses[index].headersTypeName = responses[index].headers.isEmpty ? nil : SwiftNaming.typeName(name) + "Headers"
        }
        // The alternatives' cases (`okEventStream`) after every status's, which they give way to.
        for index in responses.indices {
            for alternative in responses[index].alternatives.indices {
                let suffix = alternativeSuffix(responses[index].alternatives[alternative].mediaType)
                responses[index].alternatives[alternative].nameSuffix = suffix
                responses[index].alternatives[alternative].caseName = names.claim(responses[index].caseName + suffix)
            }
        }
    }

    /// What a response's other media type adds to its case and method names.
    static func alternativeSuffix(_ mediaType: IRMediaType) -> String {
        if mediaType.isEventStream { return "EventStream" }
        if mediaType.isJSONLines { return "JSONLines" }
        switch mediaType.kind {
        case .plainText: return "Text"
        case .binary: return "Bytes"
        case .json, .urlEncodedForm, .multipartForm, .other:
            return SwiftNaming.typeName(mediaType.subtype.replacingOccurrences(of: "*", with: "any"))
        }
    }

    private static func preferredCaseName(_ status: IRResponseStatus) -> String {
        switch status {
        case .code(let code): return statusCaseNames[code] ?? "status\(code)"
        case .range(let digit): return rangeCaseNames[digit] ?? "status\(digit)XX"
        case .default: return "default"
        }
    }

    // MARK: Servers

    /// `server1`, `server2`, …: spec servers have no names of their own.
    static func serverName(at index: Int) -> String {
        "server\(index + 1)"
    }
}
