import Foundation
import OryKratos
import XCTest

// MARK: - Decoding and encoding through the generated JSON coding

/// Decodes a payload the way the client decodes responses.
func decodeKratos<Value: Decodable>(_ type: Value.Type, from json: String) throws -> Value {
    try JSONCoding.makeDecoder().decode(Value.self, from: Data(json.utf8))
}

/// Encodes a value the way the client encodes request bodies.
func encodeKratos(_ value: some Encodable) throws -> Data {
    try JSONCoding.makeEncoder().encode(value)
}

/// Any JSON text as a `JSONValue` tree, for structural comparisons that ignore key order.
func jsonValue(_ data: Data) throws -> JSONValue {
    try JSONCoding.makeDecoder().decode(JSONValue.self, from: data)
}

func jsonValue(_ json: String) throws -> JSONValue {
    try jsonValue(Data(json.utf8))
}

/// The instant an RFC 3339 string denotes, read with the generated decoder; `nil` when it is not one.
func rfc3339Instant(_ text: String) -> Date? {
    guard let data = try? JSONEncoder().encode([text]) else { return nil }
    return (try? JSONCoding.makeDecoder().decode([Date].self, from: data))?.first
}

/// A JSON tree made comparable across a decode/encode round trip:
/// - members whose value is `null` are dropped (the models omit absent optionals when encoding);
/// - RFC 3339 strings become their instant in whole microseconds (the encoder writes microseconds,
///   Go servers send nanoseconds, so `…00.417732951Z` and `…00.417733Z` are the same instant);
/// - UUIDs are compared case-insensitively (Foundation encodes `UUID` in upper case, Kratos sends
///   lower case; `IdentityTests.testUUIDsAreEncodedInLowerCase` checks the case on its own).
func normalizedForRoundTrip(_ value: JSONValue) -> JSONValue {
    switch value {
    case .object(let members):
        var result: [String: JSONValue] = [:]
        for (key, member) in members where member != .null {
            result[key] = normalizedForRoundTrip(member)
        }
        return .object(result)
    case .array(let elements):
        return .array(elements.map(normalizedForRoundTrip))
    case .string(let text):
        if let instant = rfc3339Instant(text) {
            return .object(["$instantMicroseconds": .number((instant.timeIntervalSince1970 * 1_000_000).rounded())])
        }
        if let uuid = UUID(uuidString: text) {
            return .object(["$uuid": .string(uuid.uuidString)])
        }
        return value
    default:
        return value
    }
}

/// JSON text with sorted keys, built by `JSONSerialization` (independent of the generated coders).
func canonicalJSONText(_ object: Any) throws -> String {
    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed])
    return String(decoding: data, as: UTF8.self)
}

/// `ui.nodes[*].attributes` of a flow document, read with `JSONSerialization`.
func nodeAttributeDictionaries(ofFlowJSON data: Data) throws -> [[String: Any]] {
    let root = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any], "flow is not a JSON object")
    let ui = try XCTUnwrap(root["ui"] as? [String: Any], "flow has no ui object")
    let nodes = try XCTUnwrap(ui["nodes"] as? [[String: Any]], "ui has no nodes array")
    return try nodes.enumerated().map { index, node in
        try XCTUnwrap(node["attributes"] as? [String: Any], "node \(index) has no attributes object")
    }
}

// MARK: - Reading union cases

extension UiNodeAttributes {
    var input: UiNodeInputAttributes? {
        if case .input(let attributes) = self { return attributes }
        return nil
    }

    var text: UiNodeTextAttributes? {
        if case .text(let attributes) = self { return attributes }
        return nil
    }

    var img: UiNodeImageAttributes? {
        if case .img(let attributes) = self { return attributes }
        return nil
    }

    var anchor: UiNodeAnchorAttributes? {
        if case .a(let attributes) = self { return attributes }
        return nil
    }

    var script: UiNodeScriptAttributes? {
        if case .script(let attributes) = self { return attributes }
        return nil
    }

    var division: UiNodeDivisionAttributes? {
        if case .div(let attributes) = self { return attributes }
        return nil
    }

    var unknownJSON: JSONValue? {
        if case .unknown(let json) = self { return json }
        return nil
    }
}

// MARK: - A transport that answers from a script

/// Records every request and answers with canned responses, in order; no network involved.
actor RecordingTransport: HTTPTransport {
    enum Failure: Error, Equatable {
        case noCannedResponseLeft(method: String, url: String)
    }

    private(set) var requests: [HTTPRequest] = []
    private var replies: [Result<HTTPResponse, any Error>]

    init(_ responses: HTTPResponse...) {
        replies = responses.map { .success($0) }
    }

    init(failingWith error: any Error) {
        replies = [.failure(error)]
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        requests.append(request)
        guard !replies.isEmpty else {
            throw Failure.noCannedResponseLeft(method: request.method, url: request.url.absoluteString)
        }
        return try replies.removeFirst().get()
    }

    /// The only request sent; fails the test when there were none or several.
    func onlyRequest(file: StaticString = #filePath, line: UInt = #line) throws -> HTTPRequest {
        XCTAssertEqual(requests.count, 1, "expected exactly one request", file: file, line: line)
        return try XCTUnwrap(requests.first, file: file, line: line)
    }
}

extension HTTPResponse {
    /// A JSON response as Kratos sends it.
    static func json(_ statusCode: Int, _ body: String) -> HTTPResponse {
        HTTPResponse(
            statusCode: statusCode,
            headerFields: ["Content-Type": "application/json; charset=utf-8"],
            body: Data(body.utf8)
        )
    }
}

extension HTTPRequest {
    var urlComponents: URLComponents? {
        URLComponents(url: url, resolvingAgainstBaseURL: false)
    }

    /// The body as a `JSONValue` tree; fails when there is no body.
    func jsonBody(file: StaticString = #filePath, line: UInt = #line) throws -> JSONValue {
        try jsonValue(XCTUnwrap(body, "request has no body", file: file, line: line))
    }
}

/// Runs `operation`, which must throw an `APIError`, and returns that error.
func expectAPIError<Value>(
    _ operation: () async throws -> Value,
    file: StaticString = #filePath,
    line: UInt = #line
) async throws -> APIError {
    do {
        let value = try await operation()
        XCTFail("expected an APIError, got \(value)", file: file, line: line)
    } catch let error as APIError {
        return error
    } catch {
        XCTFail("expected an APIError, got \(error)", file: file, line: line)
    }
    throw MissingAPIError()
}

struct MissingAPIError: Error {}

/// `2024-05-01T12:30:00Z` in seconds since 1970, the instant the fixtures are built around.
let mayFirst1230UTC: TimeInterval = 1_714_566_600
