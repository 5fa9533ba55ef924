import Foundation
import OryKratos
import XCTest

/// Broken responses end in typed errors that say where the body went wrong; nothing crashes.
final class BadResponseTests: XCTestCase {
    private let identityID = "9f425a8d-7efc-4768-8f23-7647a74fdf13"

    private func getIdentity(answering response: HTTPResponse) async -> (any Error)? {
        let client = Client(serverURL: URL(string: "https://kratos.example.com")!, transport: RecordingTransport(response))
        do {
            _ = try await client.getIdentity(id: identityID)
            return nil
        } catch {
            return error
        }
    }

    private func decodingError(answering body: String, status: Int = 200) async throws -> DecodingError {
        let error = await getIdentity(answering: .json(status, body))
        return try XCTUnwrap(error as? DecodingError, "expected a DecodingError, got \(String(describing: error))")
    }

    private func path(of error: DecodingError) -> String {
        let context: DecodingError.Context
        switch error {
        case .typeMismatch(_, let value), .valueNotFound(_, let value), .dataCorrupted(let value): context = value
        case .keyNotFound(let key, let value): return (value.codingPath + [key]).map(\.stringValue).joined(separator: ".")
        @unknown default: return ""
        }
        return context.codingPath.map(\.stringValue).joined(separator: ".")
    }

    func testMalformedJSONIsADataCorruptedError() async throws {
        let error = try await decodingError(answering: #"{"id": "\#(identityID)", "traits": {"#)
        guard case .dataCorrupted = error else { return XCTFail("\(error)") }
    }

    func testWrongTypeNamesTheCodingPath() async throws {
        let error = try await decodingError(answering: """
            {"id": "\(identityID)", "schema_id": "default", "schema_url": "u", "traits": {},
             "verifiable_addresses": [{"value": "a@b.c", "verified": "yes", "via": "email", "status": "sent"}]}
            """)
        guard case .typeMismatch = error else { return XCTFail("\(error)") }
        XCTAssertEqual(path(of: error), "verifiable_addresses.Index 0.verified")
    }

    func testMissingRequiredFieldNamesTheKey() async throws {
        let error = try await decodingError(answering: #"{"id": "\#(identityID)", "schema_url": "u", "traits": {}}"#)
        guard case .keyNotFound(let key, _) = error else { return XCTFail("\(error)") }
        XCTAssertEqual(key.stringValue, "schema_id")
    }

    func testAnInvalidUUIDIsReportedWithItsPath() async throws {
        let error = try await decodingError(answering: #"{"id": "not-a-uuid", "schema_id": "d", "schema_url": "u", "traits": {}}"#)
        XCTAssertEqual(path(of: error), "id")
    }

    func testAnHTMLPageInsteadOfJSONFailsToDecode() async throws {
        let page = HTTPResponse(statusCode: 200, headerFields: ["Content-Type": "text/html"], body: Data("<html><body>Gateway</body></html>".utf8))
        let error = await getIdentity(answering: page)
        XCTAssertTrue(error is DecodingError, "\(String(describing: error))")
    }

    func testTruncatedAndEmptyBodiesFailToDecode() async throws {
        let full = #"{"id": "\#(identityID)", "schema_id": "default", "schema_url": "u", "traits": {"email": "a@b.c"}}"#
        for cut in [0, 1, full.count / 2, full.count - 1] {
            let error = await getIdentity(answering: .json(200, String(full.prefix(cut))))
            XCTAssertTrue(error is DecodingError, "cut at \(cut): \(String(describing: error))")
        }
    }

    func testAHugeBodyDecodes() async throws {
        // 5 MB of traits: large bodies are data, not a failure.
        let padding = String(repeating: "x", count: 5 << 20)
        let body = #"{"id": "\#(identityID)", "schema_id": "d", "schema_url": "u", "traits": {"blob": "\#(padding)"}}"#
        let client = Client(serverURL: URL(string: "https://kratos.example.com")!, transport: RecordingTransport(.json(200, body)))
        let identity = try await client.getIdentity(id: identityID)
        XCTAssertEqual(identity.traits["blob"]?.stringValue?.count, 5 << 20)
    }

    func testAnErrorStatusWithAnUndecodableBodyStillThrowsAnAPIError() async throws {
        let error = await getIdentity(answering: .json(500, "<<not json>>"))
        let apiError = try XCTUnwrap(error as? any APIError, "\(String(describing: error))")
        XCTAssertEqual(apiError.statusCode, 500)
    }
}
