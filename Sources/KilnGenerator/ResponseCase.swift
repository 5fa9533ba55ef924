import KilnIR

/// One documented response as a case of `Operations.X.Response`: its name, payload and how it is decoded.
struct ResponseCase {
    let response: IRResponse
    /// The body's Swift type as spelled inside `Operations.X`; `nil` without a body.
    let bodyType: String?

    var status: IRResponseStatus { response.status }
    /// The case name, unescaped (`ok`, `clientError`, `default`).
    var name: String { response.caseName }
    /// The headers struct's name (`OkHeaders`); `nil` when the response documents no headers.
    var headersType: String? { response.headersTypeName }

    /// Cases for an operation's responses, in the order a `switch` over the status tries them.
    static func cases(for operation: IROperation, spell: (IRTypeReference) -> String) -> [ResponseCase] {
        operation.responsesInMatchOrder.map { ResponseCase(response: $0, bodyType: $0.bodyType.map(spell)) }
    }

    var isSuccess: Bool { status.isSuccess }

    /// `switch response.statusCode` pattern; `nil` for `default`.
    var match: String? {
        switch status {
        case .code(let code): return String(code)
        case .range(let digit): return "\(digit * 100)..<\(digit * 100 + 100)"
        case .default: return nil
        }
    }

    private var hasStatusCode: Bool {
        if case .code = status { return false }
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

    /// The parts a `case` pattern over this response matches, for binding its body.
    static func patternView(of response: IRResponse) -> ResponseCasePatternView {
        let hasStatusCode: Bool
        if case .code = response.status { hasStatusCode = false } else { hasStatusCode = true }
        return ResponseCasePatternView(
            member: SwiftNaming.memberReference(response.caseName), hasStatusCode: hasStatusCode,
            hasBody: response.bodyType != nil, hasHeaders: response.headersTypeName != nil
        )
    }

    /// The case and its value in `var statusCode`.
    var statusCodeSwitchCase: (pattern: String, value: String) {
        let member = "." + SwiftNaming.memberReference(name)
        switch status {
        case .code(let code):
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
        if let bodyType { arguments.append(decoding(as: bodyType)) }
        if let headersType { arguments.append("headers: try \(headersPath).\(headersType)(decoding: response)") }
        let member = "." + SwiftNaming.memberReference(name)
        return arguments.isEmpty ? member : "\(member)(\(arguments.joined(separator: ", ")))"
    }

    /// The body read as the IR's coding says: text as UTF-8, bytes as they are, else JSON.
    private func decoding(as spelled: String) -> String {
        switch response.coding {
        case .text?: return "response.decodeText()"
        case .bytes?: return "response.body"
        case .json?, .urlEncodedForm?, .multipartForm?, nil: return "try response.decodeJSON(\(spelled).self)"
        }
    }

    /// The doc comment of the headers struct.
    var headersDocumentation: String {
        switch status {
        case .code(let code): return "The headers of an HTTP \(code) response."
        case .range(let digit): return "The headers of an HTTP \(digit)XX response."
        case .default: return "The headers of a response with any other status."
        }
    }

    /// `HTTP 400: loginFlow`
    var documentation: String {
        let description = response.description.trimmingWhitespaceAndNewlinesForDocs
        let prefix: String
        switch status {
        case .code(let code): prefix = "HTTP \(code)"
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
