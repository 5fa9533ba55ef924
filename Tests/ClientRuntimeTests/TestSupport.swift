import ClientFixture
import Foundation
import XCTest

/// Records every request and answers each with the next scripted reply; no network involved.
actor ScriptedTransport: HTTPTransport {
    enum Failure: Error {
        case noReplyLeft(String)
    }

    private(set) var requests: [HTTPRequest] = []
    private var replies: [Result<HTTPResponse, any Error>]

    init(_ responses: HTTPResponse...) {
        replies = responses.map { .success($0) }
    }

    init(replies: [Result<HTTPResponse, any Error>]) {
        self.replies = replies
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        requests.append(request)
        guard !replies.isEmpty else { throw Failure.noReplyLeft("\(request.method) \(request.url)") }
        return try replies.removeFirst().get()
    }

    func onlyRequest(file: StaticString = #filePath, line: UInt = #line) throws -> HTTPRequest {
        XCTAssertEqual(requests.count, 1, "expected exactly one request", file: file, line: line)
        return try XCTUnwrap(requests.first, file: file, line: line)
    }
}

/// Answers every request after sleeping with `Task.sleep`, so cancelling the caller interrupts it.
struct SleepingTransport: HTTPTransport {
    var seconds: Double

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
        return HTTPResponse(statusCode: 200, body: Data("late".utf8))
    }
}

extension HTTPResponse {
    static func json(_ statusCode: Int, _ body: String, headers: [String: String] = [:]) -> HTTPResponse {
        HTTPResponse(
            statusCode: statusCode,
            headerFields: headers.merging(["Content-Type": "application/json"]) { given, _ in given },
            body: Data(body.utf8)
        )
    }

    static func text(_ statusCode: Int, _ body: String, headers: [String: String] = [:]) -> HTTPResponse {
        HTTPResponse(
            statusCode: statusCode,
            headerFields: headers.merging(["Content-Type": "text/plain"]) { given, _ in given },
            body: Data(body.utf8)
        )
    }
}

extension HTTPRequest {
    /// The query exactly as sent, percent-encoding included.
    var rawQuery: String? {
        URLComponents(url: url, resolvingAgainstBaseURL: false)?.percentEncodedQuery
    }

    var rawPath: String? {
        URLComponents(url: url, resolvingAgainstBaseURL: false)?.percentEncodedPath
    }

    var queryItems: [URLQueryItem] {
        URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems ?? []
    }

    var bodyText: String? {
        body.map { String(decoding: $0, as: UTF8.self) }
    }

    func jsonBody(file: StaticString = #filePath, line: UInt = #line) throws -> NSDictionary {
        let data = try XCTUnwrap(body, "the request has no body", file: file, line: line)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? NSDictionary, file: file, line: line)
    }
}

/// One part of a `multipart/form-data` body.
struct MultipartPart: Equatable {
    var headers: [String: String]
    var body: Data

    var text: String { String(decoding: body, as: UTF8.self) }
}

/// Splits a `multipart/form-data` body at its boundary, which is read from the `Content-Type`.
func multipartParts(of request: HTTPRequest, file: StaticString = #filePath, line: UInt = #line) throws -> [MultipartPart] {
    let contentType = try XCTUnwrap(request.value(forHeader: "Content-Type"), file: file, line: line)
    XCTAssertTrue(contentType.hasPrefix("multipart/form-data; boundary="), contentType, file: file, line: line)
    let boundary = String(contentType.dropFirst("multipart/form-data; boundary=".count))
    let body = try XCTUnwrap(request.body, file: file, line: line)
    let delimiter = Data("--\(boundary)".utf8)
    var parts: [MultipartPart] = []
    var chunks: [Data] = []
    var rest = body[...]
    while let range = rest.range(of: delimiter) {
        chunks.append(Data(rest[..<range.lowerBound]))
        rest = rest[range.upperBound...]
    }
    XCTAssertEqual(String(decoding: rest, as: UTF8.self), "--\r\n", "the body ends with the closing delimiter", file: file, line: line)
    XCTAssertEqual(chunks.first, Data(), "nothing precedes the first delimiter", file: file, line: line)
    for chunk in chunks.dropFirst() {
        // "\r\n" headers "\r\n\r\n" body "\r\n"
        let separator = Data("\r\n\r\n".utf8)
        let split = try XCTUnwrap(chunk.range(of: separator), "a part has no blank line", file: file, line: line)
        let headerText = String(decoding: chunk[chunk.startIndex..<split.lowerBound], as: UTF8.self)
        var headers: [String: String] = [:]
        for headerLine in headerText.split(separator: "\r\n") {
            let pair = headerLine.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2 { headers[pair[0]] = pair[1] }
        }
        var partBody = Data(chunk[split.upperBound...])
        XCTAssertEqual(partBody.suffix(2), Data("\r\n".utf8), "a part ends with CRLF", file: file, line: line)
        partBody.removeLast(2)
        parts.append(MultipartPart(headers: headers, body: partBody))
    }
    return parts
}

/// Collects lines from a `@Sendable` sink.
final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []

    func append(_ line: String) {
        lock.lock()
        storage.append(line)
        lock.unlock()
    }

    var lines: [String] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}

func makeURL(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> URL {
    try XCTUnwrap(URL(string: text), file: file, line: line)
}
