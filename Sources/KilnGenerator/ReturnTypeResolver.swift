import KilnIR

/// Decides what an operation's convenience method returns, and which `Response` cases produce it.
///
/// One body type → that type; some success statuses without a body → optional; differing body
/// types → `JSONValue`; no body at all → `Void`. A streamed success body (server-sent events, JSON
/// Lines, bytes) is returned as its stream; success statuses that do not stream the same way then throw.
struct ReturnTypeResolver {
    /// The returned type; `nil` for `Void`.
    let valueType: IRTypeReference?
    /// Some success status has no body, so the value is optional.
    let isOptional: Bool
    /// Empty when the operation documents no success status: then any 2xx is success.
    let cases: [SuccessCaseView]
    let documentation: String?
    /// The success response whose stream is returned, when one streams.
    let streamed: IRResponse?

    init(operation: IROperation) {
        let successes = operation.responsesInMatchOrder.filter(\.status.isSuccess)
        if let streamed = successes.first(where: { $0.stream != nil }) {
            self.init(streamed: streamed, successes: successes)
        } else {
            self.init(buffered: successes)
        }
    }

    private init(buffered successes: [IRResponse]) {
        streamed = nil
        let bodyTypes = successes.compactMap(\.bodyType)
        let distinct = Set(bodyTypes)
        let valueType: IRTypeReference? = distinct.count == 1 ? bodyTypes.first : (distinct.isEmpty ? nil : .builtin(.json))
        self.valueType = valueType
        isOptional = valueType != nil && successes.contains { $0.bodyType == nil }
        cases = successes.map { success in
            let pattern = ResponseCase.patternView(of: success)
            guard valueType != nil else { return SuccessCaseView(pattern: pattern, result: "nothing") }
            guard let bodyType = success.bodyType else { return SuccessCaseView(pattern: pattern, result: "nil") }
            let converts = valueType == .builtin(.json) && bodyType != .builtin(.json)
            return SuccessCaseView(pattern: pattern, result: converts ? "bodyAsJSON" : "body")
        }
        documentation = successes.first { $0.bodyType != nil }.map { success in
            let text = success.description.trimmedDescription
            return text.isEmpty ? "The decoded \(success.status.text) response body." : text
        }
    }

    private init(streamed: IRResponse, successes: [IRResponse]) {
        self.streamed = streamed
        // Bytes come back as the body itself; events and records as their payload's stream.
        valueType = streamed.stream?.format == .bytes ? streamed.bodyType : streamed.stream?.payload
        isOptional = false
        cases = successes.filter { $0.stream == streamed.stream }.map { success in
            SuccessCaseView(pattern: ResponseCase.patternView(of: success), result: "body")
        }
        let text = streamed.description.trimmedDescription
        let subject = text.isEmpty ? "The \(streamed.status.text) response" : text.trailingPeriodRemoved
        switch streamed.stream?.format {
        case .serverSentEvents?: documentation = subject + ": its events, decoded as they arrive."
        case .jsonRecords?: documentation = subject + ": its records, decoded as they arrive."
        case .bytes?, nil: documentation = subject + ": its bytes as they arrive."
        }
    }
}

extension String {
    /// Without one final `.`, so that a clause can follow: "Progress events: its events…".
    var trailingPeriodRemoved: String {
        hasSuffix(".") && !hasSuffix("..") ? String(dropLast()) : self
    }

    /// The first paragraph line, whitespace-trimmed, for one-line doc fields.
    var trimmedDescription: String {
        // The first non-empty line, found in the bytes rather than by splitting the whole text.
        let newline = UInt8(ascii: "\n")
        let lineStart = utf8.firstIndex { $0 != newline } ?? endIndex
        let lineEnd = utf8[lineStart...].firstIndex(of: newline) ?? endIndex
        let firstLine = String(self[lineStart..<lineEnd])
        return firstLine.trailingWhitespaceTrimmed.drop { $0 == " " }.description
    }
}
