import KilnIR

/// Decides what an operation's convenience method returns, and which `Response` cases produce it.
///
/// One body type → that type; some success statuses without a body → optional; differing body
/// types → `JSONValue`; no body at all → `Void`.
struct ReturnTypeResolver {
    struct Case {
        /// `case` pattern over `Operations.X.Response`: `.ok(let body)`, `.noContent`.
        var pattern: String
        var statement: String
    }

    /// The return type as spelled; `nil` for `Void`.
    let swiftType: String?
    /// Empty when the operation documents no success status: then any 2xx is success.
    let cases: [Case]
    let documentation: String?

    init(operation: IROperation, spell: (IRTypeReference) -> String = { $0.swiftName }) {
        let successes = ResponseCase.cases(for: operation, spell: spell).filter(\.isSuccess)
        let bodyTypes = successes.compactMap(\.response.bodyType)
        let distinct = Set(bodyTypes.map(\.swiftName))
        let someWithoutBody = successes.contains { $0.bodyType == nil }

        let valueType: IRTypeReference? = distinct.count == 1 ? bodyTypes.first : (distinct.isEmpty ? nil : .builtin(.json))
        swiftType = valueType.map { spell($0) + (someWithoutBody ? "?" : "") }
        cases = successes.map { success in
            guard valueType != nil else { return Case(pattern: success.pattern(bindingBodyAs: nil), statement: "return") }
            guard let bodyType = success.response.bodyType else {
                return Case(pattern: success.pattern(bindingBodyAs: nil), statement: "return nil")
            }
            let converts = valueType == .builtin(.json) && bodyType != .builtin(.json)
            return Case(
                pattern: success.pattern(bindingBodyAs: "body"),
                statement: converts ? "return try JSONValue(encoding: body)" : "return body"
            )
        }
        documentation = successes.first { $0.bodyType != nil }.map { success in
            let text = success.response.description.trimmedDescription
            return text.isEmpty ? "The decoded \(success.status.text) response body." : text
        }
    }
}

extension String {
    /// The first paragraph line, whitespace-trimmed, for one-line doc fields.
    var trimmedDescription: String {
        let firstLine = split(separator: "\n").first.map(String.init) ?? ""
        return firstLine.trailingWhitespaceTrimmed.drop { $0 == " " }.description
    }
}
