import KilnIR

/// Decides what an operation method returns and how each success status produces it.
///
/// One body type → that type; some success statuses without a body → optional; differing body
/// types → `JSONValue`; no body at all → `Void`.
struct ReturnTypeResolver {
    struct Case {
        var match: String
        var statement: String
    }

    let swiftType: String?
    let cases: [Case]
    let documentation: String?

    init(operation: IROperation) {
        let successes = operation.responses.filter(\.isSuccess).sorted { ($0.statusCode ?? 299) < ($1.statusCode ?? 299) }
        let bodyTypes = successes.compactMap(\.bodyType)
        let distinct = Set(bodyTypes.map(\.swiftName))
        let someWithoutBody = successes.contains { $0.bodyType == nil }

        let valueType: IRTypeReference? = distinct.count == 1 ? bodyTypes.first : (distinct.isEmpty ? nil : .builtin(.json))
        if let valueType {
            swiftType = valueType.swiftName + (someWithoutBody ? "?" : "")
        } else {
            swiftType = nil
        }
        if successes.isEmpty {
            cases = [Case(match: "200..<300", statement: "return")]
        } else {
            cases = successes.map { Self.makeCase($0, valueType: valueType) }
        }
        documentation = successes.first { $0.bodyType != nil }.map { response in
            let text = response.description.trimmedDescription
            return text.isEmpty ? "The decoded \(response.status) response body." : text
        }
    }

    private static func makeCase(_ response: IRResponse, valueType: IRTypeReference?) -> Case {
        let match = response.statusCode.map(String.init) ?? "200..<300"
        guard valueType != nil, let bodyType = response.bodyType else {
            return Case(match: match, statement: valueType == nil ? "return" : "return nil")
        }
        let decodedType = valueType ?? bodyType
        let statement: String
        if response.mediaType?.hasPrefix("text/") == true, bodyType == .builtin(.string) {
            statement = "return response.decodeText()"
        } else if bodyType == .builtin(.data), response.mediaType?.isJSONMediaType != true {
            statement = "return response.body"
        } else {
            statement = "return try response.decodeJSON(\(decodedType.swiftName).self)"
        }
        return Case(match: match, statement: statement)
    }
}

extension String {
    /// The first paragraph line, whitespace-trimmed, for one-line doc fields.
    var trimmedDescription: String {
        let firstLine = split(separator: "\n").first.map(String.init) ?? ""
        return firstLine.trailingWhitespaceTrimmed.drop { $0 == " " }.description
    }
}
