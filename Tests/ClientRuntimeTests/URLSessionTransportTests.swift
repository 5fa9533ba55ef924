import ClientFixture
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// The default transport over a real loopback connection: requests as sent, redirects reported,
/// cancellation and timeouts.
final class URLSessionTransportTests: XCTestCase {
    private var server: LoopbackServer?

    override func setUpWithError() throws {
        server = try LoopbackServer(slowSeconds: 5)
    }

    override func tearDown() {
        server?.stop()
        server = nil
    }

    private func client(timeout: TimeInterval = 30) throws -> Client {
        let server = try XCTUnwrap(server)
        return Client(serverURL: server.baseURL, transport: URLSessionTransport(timeout: timeout))
    }

    func testRequestGoesOutAsBuilt() async throws {
        let raw = try await client().createPetRaw(body: .json(NewPet(name: "Rex")))

        XCTAssertEqual(raw.statusCode, 200)
        XCTAssertEqual(raw.value(forHeader: "x-echo"), "yes", "response headers are read case-insensitively")
        XCTAssertEqual(raw.value(forHeader: "CONTENT-TYPE"), "text/plain")
        let echo = String(decoding: raw.body, as: UTF8.self)
        XCTAssertTrue(echo.hasPrefix("POST /pets HTTP/1.1\r\n"), echo)
        XCTAssertTrue(echo.lowercased().contains("\r\ncontent-type: application/json\r\n"), echo)
        XCTAssertTrue(echo.hasSuffix("\r\n\r\n" + #"{"name":"Rex"}"#), echo)
    }

    func testRedirectsAreReportedNotFollowed() async throws {
        let response = try await client().submitLoginResponse(
            flow: "f1", body: .urlEncodedForm(LoginBody(method: "password", identifier: "ada"))
        )
        XCTAssertEqual(response, .seeOther(headers: Operations.SubmitLogin.SeeOtherHeaders(location: "/target")))

        let server = try XCTUnwrap(server)
        let raw = try await URLSessionTransport().send(HTTPRequest(method: "GET", url: server.baseURL.appendingPathComponent("redirect")))
        XCTAssertEqual(raw.statusCode, 303)
        XCTAssertEqual(raw.value(forHeader: "location"), "/target")
    }

    func testCancellingTheCallingTaskCancelsTheRequest() async throws {
        let client = try client()
        let started = Date()
        let task = Task { try await client.getSlow() }
        try await Task.sleep(nanoseconds: 300_000_000)
        task.cancel()
        do {
            let text = try await task.value
            XCTFail("expected CancellationError, got \(text)")
        } catch is CancellationError {}
        XCTAssertLessThan(Date().timeIntervalSince(started), 4, "the call ended before the server answered")
    }

    func testTimeout() async throws {
        let started = Date()
        do {
            let text = try await client(timeout: 1).getSlow()
            XCTFail("expected a timeout, got \(text)")
        } catch let error as URLError {
            XCTAssertEqual(error.code, .timedOut)
        }
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertGreaterThan(elapsed, 0.9, "the request waited for its timeout")
        XCTAssertLessThan(elapsed, 4, "and no longer: the server answers after 5 seconds")
    }
}
