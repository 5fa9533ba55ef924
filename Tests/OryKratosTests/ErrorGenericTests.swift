import Foundation
import OryKratos
import XCTest

final class ErrorGenericTests: XCTestCase {
    func testFullErrorDecodes() throws {
        let error = try decodeKratos(ErrorGeneric.self, from: KratosPayloads.identityNotFound).error

        XCTAssertEqual(error.code, 404)
        XCTAssertEqual(error.status, "Not Found")
        XCTAssertEqual(error.id, "not_found")
        XCTAssertEqual(error.reason, "Identity with ID 9f425a8d-7efc-4768-8f23-7647a74fdf13 does not exist.")
        XCTAssertEqual(error.message, "The requested resource could not be found")
        XCTAssertEqual(error.debug, "sql: no rows in result set")
        XCTAssertEqual(error.request, "b3c1f7e4-5a2d-4c8e-9f0a-1d2e3f4a5b6c")

        let details = try XCTUnwrap(error.details)
        XCTAssertEqual(Set(details.keys), ["docs", "retryable", "attempt", "lookup"])
        XCTAssertEqual(details["docs"]?.stringValue, "https://www.ory.sh/docs/kratos/manage-identities/overview")
        XCTAssertEqual(details["retryable"], .bool(false))
        XCTAssertEqual(details["attempt"], .integer(1))
        XCTAssertEqual(details["lookup"]?["table"]?.stringValue, "identities")
        XCTAssertEqual(try XCTUnwrap(details["lookup"]?["elapsed_ms"]?.doubleValue), 0.42, accuracy: 1e-12)
    }

    func testRoundTrip() throws {
        let decoded = try decodeKratos(ErrorGeneric.self, from: KratosPayloads.identityNotFound)
        let reencoded = try encodeKratos(decoded)

        XCTAssertEqual(try jsonValue(reencoded), try jsonValue(KratosPayloads.identityNotFound))
        XCTAssertEqual(try JSONCoding.makeDecoder().decode(ErrorGeneric.self, from: reencoded), decoded)
    }

    func testOnlyMessageIsRequired() throws {
        let decoded = try decodeKratos(
            ErrorGeneric.self,
            from: #"{"error": {"code": 500, "status": "Internal Server Error", "message": "An internal server error occurred, please contact the system administrator"}}"#
        )
        XCTAssertEqual(
            decoded,
            ErrorGeneric(
                error: GenericError(
                    code: 500,
                    message: "An internal server error occurred, please contact the system administrator",
                    status: "Internal Server Error"
                )
            )
        )
        XCTAssertNil(decoded.error.details)
        XCTAssertNil(decoded.error.reason)
    }

    func testMissingMessageIsRejected() throws {
        XCTAssertThrowsError(
            try decodeKratos(ErrorGeneric.self, from: #"{"error": {"code": 404, "status": "Not Found"}}"#)
        ) { error in
            guard case DecodingError.keyNotFound(let key, let context) = error else {
                return XCTFail("expected keyNotFound, got \(error)")
            }
            XCTAssertEqual(key.stringValue, "message")
            XCTAssertEqual(context.codingPath.map(\.stringValue), ["error"])
        }
    }

    func testFlowExpiredErrorKeepsTypedDetails() throws {
        // `self_service_flow_expired` (HTTP 410) carries the flow to continue with in `details`.
        let json = #"""
        {
          "error": {
            "id": "self_service_flow_expired",
            "code": 410,
            "status": "Gone",
            "reason": "The self-service flow expired 5.00 minutes ago, initialize a new one.",
            "message": "self-service flow expired",
            "details": {
              "since": 300000000000,
              "expired_at": "2024-05-01T13:30:00.417732951Z",
              "use_flow_id": "6b1f0d3c-2a4e-4f5b-9c8d-7e6f5a4b3c2d"
            }
          }
        }
        """#
        let details = try XCTUnwrap(try decodeKratos(ErrorGeneric.self, from: json).error.details)
        XCTAssertEqual(details["since"]?.intValue, 300_000_000_000)
        XCTAssertEqual(details["use_flow_id"]?.stringValue, "6b1f0d3c-2a4e-4f5b-9c8d-7e6f5a4b3c2d")
        let expiredAt = try XCTUnwrap(details["expired_at"]).decode(as: Date.self)
        XCTAssertEqual(expiredAt.timeIntervalSince1970, mayFirst1230UTC + 3_600.417732951, accuracy: 1e-6)
    }
}
