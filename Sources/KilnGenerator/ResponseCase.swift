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

    /// The case as `ResponseCase.stencil` declares, matches and decodes it, with the cases of its
    /// other media types; `typeReference` refers to types from inside `Operations.X`.
    func view(typeReference: (IRTypeReference) -> TypeReferenceView, terminator: String?) -> ResponseCaseView {
        var view = caseView(
            name: name, doc: documentation, body: ResponseBody(response), mediaType: nil, typeReference, terminator: terminator
        )
        view.alternatives = response.alternatives.map { alternative in
            caseView(
                name: alternative.caseName, doc: alternativeDocumentation(alternative), body: ResponseBody(alternative),
                mediaType: alternative.mediaType.base, typeReference, terminator: terminator
            )
        }
        return view
    }

    private func caseView(
        name: String, doc: String, body: ResponseBody, mediaType: String?, _ typeReference: (IRTypeReference) -> TypeReferenceView,
        terminator: String?
    ) -> ResponseCaseView {
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
        var pattern = Self.patternView(of: response)
        pattern.member = SwiftNaming.memberReference(name)
        return ResponseCaseView(
            doc: doc, name: SwiftNaming.escaped(name), pattern: pattern,
            statusKind: statusKind, statusCode: statusCode, statusRangeEnd: statusRangeEnd,
            bodyType: body.clientType(typeReference), bodyCoding: body.codingName, mediaType: mediaType,
            terminator: body.stream?.format == .serverSentEvents ? terminator : nil, headersType: headersType
        )
    }

    /// The body's type as the client reads it: a stream's `EventStream<Payload>` or
    /// `RecordStream<Payload>` (`Support/EventStreams.swift`), else the IR's body type (`HTTPBody` for bytes).
    static func clientBodyType(of response: IRResponse, _ typeReference: (IRTypeReference) -> TypeReferenceView) -> TypeReferenceView? {
        ResponseBody(response).clientType(typeReference)
    }

    /// The type an alternative media type's body is read as, like ``clientBodyType(of:_:)``.
    static func clientBodyType(
        of alternative: IRResponseAlternative, _ typeReference: (IRTypeReference) -> TypeReferenceView
    ) -> TypeReferenceView? {
        ResponseBody(alternative).clientType(typeReference)
    }

    /// `HTTP 200 as text/event-stream: …`
    private func alternativeDocumentation(_ alternative: IRResponseAlternative) -> String {
        let description = response.description.trimmingWhitespaceAndNewlinesForDocs
        let head = statusText + " as `" + alternative.mediaType.base + "`"
        return description.isEmpty ? head + "." : head + ": " + description
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
        return description.isEmpty ? statusText + "." : statusText + ": " + description
    }

    /// `HTTP 400`, `HTTP 4XX`, `Any other status`.
    private var statusText: String {
        switch status {
        case .code(let code): return "HTTP \(code)"
        case .range(let digit): return "HTTP \(digit)XX"
        case .default: return "Any other status"
        }
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

/// A body as a case of `Operations.X.Response` reads it: the documented media type's or another one's.
private struct ResponseBody {
    let bodyType: IRTypeReference?
    let coding: IRBodyCoding?
    let stream: IRResponseStream?

    init(_ response: IRResponse) {
        (bodyType, coding, stream) = (response.bodyType, response.coding, response.stream)
    }

    init(_ alternative: IRResponseAlternative) {
        (bodyType, coding, stream) = (alternative.bodyType, alternative.coding, alternative.stream)
    }

    func clientType(_ typeReference: (IRTypeReference) -> TypeReferenceView) -> TypeReferenceView? {
        guard let stream else { return bodyType.map(typeReference) }
        switch stream.format {
        case .serverSentEvents: return .generic("EventStream", typeReference(stream.payload))
        case .jsonRecords: return .generic("RecordStream", typeReference(stream.payload))
        case .bytes: return bodyType.map(typeReference)
        }
    }

    /// How the body is read: text as UTF-8, bytes as they are, else JSON; a stream as it arrives.
    var codingName: String {
        switch stream?.format {
        case .serverSentEvents?: return "eventStream"
        case .jsonRecords?: return "jsonRecords"
        case .bytes?: return "byteStream"
        case nil: break
        }
        switch coding {
        case .text?: return "text"
        case .bytes?: return "bytes"
        case .json?, .urlEncodedForm?, .multipartForm?, nil: return "json"
        }
    }
}
