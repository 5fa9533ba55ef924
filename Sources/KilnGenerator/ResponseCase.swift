import KilnIR

/// One documented response as a case of `Operations.X.Response`: its name, payload and how it is decoded.
struct ResponseCase {
    enum Status {
        case exact(Int)
        /// `4XX`: the first digit.
        case range(Int)
        case `default`
    }

    let response: IRResponse
    let status: Status
    /// The case name, unescaped (`ok`, `clientError`, `default`).
    let name: String
    /// The body's Swift type as spelled inside `Operations.X`; `nil` without a body.
    let bodyType: String?
    /// The headers struct's name (`OkHeaders`); `nil` when the response documents no headers.
    let headersType: String?

    /// Cases for an operation's responses: exact statuses first, then ranges, then `default`,
    /// each group in spec order. Unusable status keys are skipped.
    static func cases(for operation: IROperation, spell: (IRTypeReference) -> String) -> [ResponseCase] {
        var exact: [ResponseCase] = []
        var ranges: [ResponseCase] = []
        var fallback: [ResponseCase] = []
        for response in operation.responses {
            guard let status = status(of: response.status) else { continue }
            let name = caseName(status)
            let made = ResponseCase(
                response: response, status: status, name: name, bodyType: response.bodyType.map(spell),
                headersType: response.headers.isEmpty ? nil : SwiftNaming.typeName(name) + "Headers"
            )
            switch status {
            case .exact: exact.append(made)
            case .range: ranges.append(made)
            case .default: fallback.append(made)
            }
        }
        return exact + ranges + fallback.prefix(1)
    }

    static func status(of key: String) -> Status? {
        if key == "default" { return .default }
        if let code = Int(key), (100...599).contains(code) { return .exact(code) }
        let upper = key.uppercased()
        if upper.count == 3, upper.hasSuffix("XX"), let digit = upper.first?.wholeNumberValue, (1...5).contains(digit) {
            return .range(digit)
        }
        return nil
    }

    static let statusNames: [Int: String] = [
        200: "ok", 201: "created", 202: "accepted", 204: "noContent",
        301: "movedPermanently", 302: "found", 303: "seeOther", 304: "notModified", 307: "temporaryRedirect",
        400: "badRequest", 401: "unauthorized", 402: "paymentRequired", 403: "forbidden", 404: "notFound",
        405: "methodNotAllowed", 409: "conflict", 410: "gone", 422: "unprocessableContent", 429: "tooManyRequests",
        500: "internalServerError", 502: "badGateway", 503: "serviceUnavailable",
    ]

    static let rangeNames: [Int: String] = [
        1: "informational", 2: "success", 3: "redirection", 4: "clientError", 5: "serverError",
    ]

    static func caseName(_ status: Status) -> String {
        switch status {
        case .exact(let code): return statusNames[code] ?? "status\(code)"
        case .range(let digit): return rangeNames[digit] ?? "status\(digit)XX"
        case .default: return "default"
        }
    }

    var isSuccess: Bool {
        switch status {
        case .exact(let code): return (200..<300).contains(code)
        case .range(let digit): return digit == 2
        case .default: return false
        }
    }

    /// `switch response.statusCode` pattern; `nil` for `default`.
    var match: String? {
        switch status {
        case .exact(let code): return String(code)
        case .range(let digit): return "\(digit * 100)..<\(digit * 100 + 100)"
        case .default: return nil
        }
    }

    private var hasStatusCode: Bool {
        if case .exact = status { return false }
        return true
    }

    /// `ok(Pet, headers: OkHeaders)`, `` `default`(statusCode: Int, ErrorGeneric) ``, `noContent`.
    var declaration: String {
        var payload: [String] = []
        if hasStatusCode { payload.append("statusCode: Int") }
        if let bodyType { payload.append(bodyType) }
        if let headersType { payload.append("headers: \(headersType)") }
        let escapedName = SwiftNaming.escaped(name)
        return payload.isEmpty ? escapedName : "\(escapedName)(\(payload.joined(separator: ", ")))"
    }

    /// A pattern binding the body as `binding` (`.ok(let body)`, `.success(_, let body, _)`), or
    /// matching the case whatever its payload when `binding` is `nil` or there is no body.
    func pattern(bindingBodyAs binding: String?) -> String {
        let member = "." + SwiftNaming.memberReference(name)
        guard let binding, bodyType != nil else { return member }
        var parts: [String] = []
        if hasStatusCode { parts.append("_") }
        parts.append("let \(binding)")
        if headersType != nil { parts.append("_") }
        return "\(member)(\(parts.joined(separator: ", ")))"
    }

    /// The case and its value in `var statusCode`.
    var statusCodeSwitchCase: (pattern: String, value: String) {
        let member = "." + SwiftNaming.memberReference(name)
        switch status {
        case .exact(let code):
            return (member, String(code))
        case .range, .default:
            let rest = Array(repeating: ", _", count: (bodyType == nil ? 0 : 1) + (headersType == nil ? 0 : 1)).joined()
            return ("\(member)(let statusCode\(rest))", "statusCode")
        }
    }

    /// The expression building the case from `response`.
    func construction(headersPath: String) -> String {
        var arguments: [String] = []
        if hasStatusCode { arguments.append("statusCode: response.statusCode") }
        if let bodyType { arguments.append(Self.decoding(response, as: bodyType)) }
        if let headersType { arguments.append("headers: try \(headersPath).\(headersType)(decoding: response)") }
        let member = "." + SwiftNaming.memberReference(name)
        return arguments.isEmpty ? member : "\(member)(\(arguments.joined(separator: ", ")))"
    }

    /// Text bodies are read as UTF-8, bytes kept as they are, everything else decoded as JSON.
    static func decoding(_ response: IRResponse, as spelled: String) -> String {
        if response.mediaType?.hasPrefix("text/") == true, response.bodyType == .builtin(.string) {
            return "response.decodeText()"
        }
        if response.bodyType == .builtin(.data), response.mediaType?.isJSONMediaType != true {
            return "response.body"
        }
        return "try response.decodeJSON(\(spelled).self)"
    }

    /// The doc comment of the headers struct.
    var headersDocumentation: String {
        switch status {
        case .exact(let code): return "The headers of an HTTP \(code) response."
        case .range(let digit): return "The headers of an HTTP \(digit)XX response."
        case .default: return "The headers of a response with any other status."
        }
    }

    /// `HTTP 400: loginFlow`
    var documentation: String {
        let description = response.description.trimmingWhitespaceAndNewlinesForDocs
        let prefix: String
        switch status {
        case .exact(let code): prefix = "HTTP \(code)"
        case .range(let digit): prefix = "HTTP \(digit)XX"
        case .default: prefix = "Any other status"
        }
        return description.isEmpty ? prefix + "." : prefix + ": " + description
    }
}

extension String {
    var trimmingWhitespaceAndNewlinesForDocs: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
