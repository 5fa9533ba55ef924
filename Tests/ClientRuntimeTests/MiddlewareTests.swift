import ClientFixture
import Foundation
import XCTest

/// Middlewares around the transport: order, fixed headers, logging, retries and cancellation.
final class MiddlewareTests: XCTestCase {
    private let pet = #"{"id": 1, "name": "Rex"}"#

    /// Appends its name to a header on the way out, so the order they ran in can be read.
    private struct Tagging: ClientMiddleware {
        var name: String
        var seen: LineCollector

        func intercept(
            _ request: HTTPRequest, operationId: String, next: @Sendable (HTTPRequest) async throws -> HTTPResponse
        ) async throws -> HTTPResponse {
            var request = request
            request.setValue((request.value(forHeader: "X-Trail").map { $0 + "," } ?? "") + name, forHeader: "X-Trail")
            seen.append("\(name) \(operationId)")
            let response = try await next(request)
            seen.append("\(name) saw \(response.statusCode)")
            return response
        }
    }

    /// Answers without calling `next`.
    private struct Canned: ClientMiddleware {
        func intercept(
            _ request: HTTPRequest, operationId: String, next: @Sendable (HTTPRequest) async throws -> HTTPResponse
        ) async throws -> HTTPResponse {
            HTTPResponse(statusCode: 204)
        }
    }

    /// Records the delays it is asked to wait, without waiting.
    private final class Sleeps: @unchecked Sendable {
        private let lock = NSLock()
        private var storage: [TimeInterval] = []

        var recorded: [TimeInterval] {
            lock.lock()
            defer { lock.unlock() }
            return storage
        }

        func sleep(_ seconds: TimeInterval) async throws {
            lock.withLock { storage.append(seconds) }
        }
    }

    private func client(_ transport: any HTTPTransport, _ middlewares: [any ClientMiddleware]) throws -> Client {
        Client(serverURL: try makeURL("https://api.example.com"), transport: transport, middlewares: middlewares)
    }

    func testMiddlewaresRunInOrderFirstOutermost() async throws {
        let transport = ScriptedTransport(.json(200, pet))
        let seen = LineCollector()
        let client = try client(transport, [Tagging(name: "outer", seen: seen), Tagging(name: "inner", seen: seen)])

        _ = try await client.getPet(petId: 1)

        XCTAssertEqual(seen.lines, ["outer getPet", "inner getPet", "inner saw 200", "outer saw 200"])
        let request = try await transport.onlyRequest()
        XCTAssertEqual(request.headerFields["X-Trail"], "outer,inner")
    }

    func testMiddlewareMayAnswerItself() async throws {
        let transport = ScriptedTransport()
        let client = try client(transport, [Canned()])
        try await client.deletePet(petId: 1)
        let requests = await transport.requests
        XCTAssertTrue(requests.isEmpty)
    }

    func testHeadersMiddleware() async throws {
        let transport = ScriptedTransport(.json(200, pet), .json(200, pet))
        let added = HeadersMiddleware(["User-Agent": "KilnTests/1", "X-Request-ID": "fixed"])
        let replacing = HeadersMiddleware(["x-request-id": "forced"], replacesExisting: true)
        _ = try await client(transport, [added]).getPet(petId: 1, xRequestID: UUID(uuidString: "00000000-0000-4000-8000-000000000001"))
        _ = try await client(transport, [replacing]).getPet(petId: 1, xRequestID: UUID(uuidString: "00000000-0000-4000-8000-000000000001"))

        let requests = await transport.requests
        XCTAssertEqual(requests[0].headerFields["User-Agent"], "KilnTests/1")
        XCTAssertEqual(requests[0].headerFields["X-Request-ID"], "00000000-0000-4000-8000-000000000001", "a parameter is kept")
        XCTAssertEqual(requests[1].value(forHeader: "X-Request-ID"), "forced")
        XCTAssertEqual(requests[1].headerFields.keys.filter { $0.lowercased() == "x-request-id" }.count, 1)
    }

    func testLoggingMiddlewareWritesRequestAndOutcomeWithoutSecrets() async throws {
        let transport = ScriptedTransport(
            replies: [.success(.json(200, pet)), .failure(URLError(.networkConnectionLost))]
        )
        let lines = LineCollector()
        var client = try client(transport, [LoggingMiddleware { lines.append($0) }])
        client.authentication.apiKeyQuery = "s3cret"

        _ = try await client.getPet(petId: 1)
        _ = try? await client.getPet(petId: 2)

        XCTAssertEqual(lines.lines.count, 4)
        XCTAssertEqual(lines.lines[0], "→ getPet GET https://api.example.com/pets/1?api_key=…")
        XCTAssertTrue(lines.lines[1].hasPrefix("← getPet GET https://api.example.com/pets/1?api_key=…: HTTP 200, 24 bytes in "), lines.lines[1])
        XCTAssertTrue(lines.lines[3].hasPrefix("✗ getPet GET https://api.example.com/pets/2?api_key=…: "), lines.lines[3])
        XCTAssertFalse(lines.lines.joined().contains("s3cret"))
    }

    // MARK: Retries

    func testRetriesRetryableStatusesWithExponentialDelays() async throws {
        let transport = ScriptedTransport(HTTPResponse(statusCode: 503), HTTPResponse(statusCode: 500), HTTPResponse(statusCode: 429), .json(200, pet))
        let sleeps = Sleeps()
        let retry = RetryMiddleware(maxAttempts: 4, initialDelay: 0.5, multiplier: 3, maxDelay: 10, sleep: sleeps.sleep)

        let pet = try await client(transport, [retry]).getPet(petId: 1)

        XCTAssertEqual(pet.name, "Rex")
        let requests = await transport.requests
        XCTAssertEqual(requests.count, 4)
        XCTAssertEqual(sleeps.recorded, [0.5, 1.5, 4.5])
        XCTAssertEqual((1...5).map(retry.delay(beforeRetry:)), [0.5, 1.5, 4.5, 10, 10], "capped at maxDelay")
    }

    func testGivesUpAfterMaxAttemptsAndReturnsTheLastResponse() async throws {
        let transport = ScriptedTransport(HTTPResponse(statusCode: 502), HTTPResponse(statusCode: 502), HTTPResponse(statusCode: 504))
        let sleeps = Sleeps()
        let client = try client(transport, [RetryMiddleware(maxAttempts: 3, sleep: sleeps.sleep)])

        let raw = try await client.getPetRaw(petId: 1)

        XCTAssertEqual(raw.statusCode, 504)
        XCTAssertEqual(sleeps.recorded, [0.5, 1.0])
    }

    func testHonoursRetryAfterSeconds() async throws {
        let transport = ScriptedTransport(
            HTTPResponse(statusCode: 429, headerFields: ["retry-after": "7"]),
            HTTPResponse(statusCode: 503, headerFields: ["Retry-After": "3600"]),
            .json(200, pet)
        )
        let sleeps = Sleeps()
        let client = try client(transport, [RetryMiddleware(maxAttempts: 5, maxDelay: 60, sleep: sleeps.sleep)])

        let raw = try await client.getPetRaw(petId: 1)

        XCTAssertEqual(raw.statusCode, 503, "a Retry-After beyond maxDelay ends the retries")
        XCTAssertEqual(sleeps.recorded, [7])
    }

    func testRetriesTransportErrorsButNotCancellation() async throws {
        let transport = ScriptedTransport(
            replies: [.failure(URLError(.networkConnectionLost)), .failure(URLError(.timedOut)), .success(.json(200, pet))]
        )
        let sleeps = Sleeps()
        _ = try await client(transport, [RetryMiddleware(maxAttempts: 3, sleep: sleeps.sleep)]).getPet(petId: 1)
        XCTAssertEqual(sleeps.recorded.count, 2)

        let cancelled = ScriptedTransport(replies: [.failure(CancellationError()), .success(.json(200, pet))])
        do {
            _ = try await client(cancelled, [RetryMiddleware(sleep: sleeps.sleep)]).getPet(petId: 1)
            XCTFail("expected CancellationError")
        } catch is CancellationError {}
        let cancelledRequests = await cancelled.requests
        XCTAssertEqual(cancelledRequests.count, 1)
    }

    func testDoesNotRetryNonIdempotentMethods() async throws {
        let transport = ScriptedTransport(.json(503, #"{"code": 1, "message": "busy"}"#))
        let sleeps = Sleeps()
        let client = try client(transport, [RetryMiddleware(sleep: sleeps.sleep)])

        let response = try await client.createPetResponse(body: .json(NewPet(name: "Rex")))

        XCTAssertEqual(response.statusCode, 503)
        XCTAssertEqual(sleeps.recorded, [])
        let requests = await transport.requests
        XCTAssertEqual(requests.count, 1)
    }

    func testCancellingDuringTheRetryWaitEndsTheCall() async throws {
        let transport = ScriptedTransport(HTTPResponse(statusCode: 503), .json(200, pet))
        let client = try client(transport, [RetryMiddleware(initialDelay: 30)])
        let started = Date()
        let task = Task { try await client.getPet(petId: 1) }
        try await Task.sleep(nanoseconds: 100_000_000)
        task.cancel()
        do {
            _ = try await task.value
            XCTFail("expected CancellationError")
        } catch is CancellationError {}
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        let requests = await transport.requests
        XCTAssertEqual(requests.count, 1)
    }

    // MARK: Cancellation

    func testCancellationPropagatesThroughTheTransport() async throws {
        let client = try client(SleepingTransport(seconds: 30), [LoggingMiddleware { _ in }])
        let started = Date()
        let task = Task { try await client.getSlow() }
        try await Task.sleep(nanoseconds: 100_000_000)
        task.cancel()
        do {
            let text = try await task.value
            XCTFail("expected CancellationError, got \(text)")
        } catch is CancellationError {}
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
    }
}
