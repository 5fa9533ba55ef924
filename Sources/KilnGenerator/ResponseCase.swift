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

    /// The case as `ResponseCase.stencil` declares, matches and decodes it; `typeReference`
    /// refers to types from inside `Operations.X`.
    func view(typeReference: (IRTypeReference) -> TypeReferenceView, terminator: String?) -> ResponseCaseView {
        var statusKind = "default"
        var statusCode = 0
        var statusRangeEnd = 0
        switch status {
        case .code(let code):
            statusKind = "code"
            statusCode = code
        case .range(let digit):
            statusKind = "range"
            statusCode = digit * 100
            statusRangeEnd = digit * 100 + 100
        case .default:
            break
        }
        return ResponseCaseView(
            doc: documentation, name: SwiftNaming.escaped(name), pattern: Self.patternView(of: response),
            statusKind: statusKind, statusCode: statusCode, statusRangeEnd: statusRangeEnd,
            bodyType: Self.clientBodyType(of: response, typeReference), bodyCoding: bodyCoding,
            terminator: response.stream?.format == .serverSentEvents ? terminator : nil, headersType: headersType
        )
    }

    /// The body's type as the client reads it: a stream's `EventStream<Payload>` or
    /// `RecordStream<Payload>` (`Support/EventStreams.swift`), else the IR's body type (`HTTPBody` for bytes).
    static func clientBodyType(of response: IRResponse, _ typeReference: (IRTypeReference) -> TypeReferenceView) -> TypeReferenceView? {
        guard let stream = response.stream else { return response.bodyType.map(typeReference) }
        switch stream.format {
        case .serverSentEvents: return .generic("EventStream", typeReference(stream.payload))
        case .jsonRecords: return .generic("RecordStream", typeReference(stream.payload))
        case .bytes: return response.bodyType.map(typeReference)
        }
    }

    /// The body read as the IR's coding says: text as UTF-8, bytes as they are, else JSON; a
    /// stream as it arrives.
    private var bodyCoding: String {
        switch response.stream?.format {
        case .serverSentEvents?: return "eventStream"
        case .jsonRecords?: return "jsonRecords"
        case .bytes?: return "byteStream"
        case nil: break
        }
        switch response.coding {
        case .text?: return "text"
        case .bytes?: return "bytes"
        case .json?, .urlEncodedForm?, .multipartForm?, nil: return "json"
        }
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
