import ClientFixture
import Foundation
import XCTest

/// Responses: the convenience method's body or `OperationError`, every documented case with its
/// payload and headers from `xResponse`, and the bytes from `xRaw`.
final class ResponseTests: XCTestCase {
    private func client(_ transport: ScriptedTransport) throws -> Client {
        Client(serverURL: try makeURL("https://api.example.com"), transport: transport)
    }

    private let loginBody = LoginBody(method: "password", identifier: "ada", password: "wrong")

    // MARK: Convenience

    func testNonSuccessThrowsOperationErrorWithTheTypedCase() async throws {
        let flow = #"{"method": "password", "identifier": "ada"}"#
        let transport = ScriptedTransport(.json(400, flow))
        let client = try client(transport)

        do {
            _ = try await client.submitLogin(flow: "f1", body: .json(loginBody))
            XCTFail("expected an OperationError")
        } catch let error as OperationError<Operations.SubmitLogin.Response> {
            guard case .badRequest(let returned) = error.response else {
                return XCTFail("expected .badRequest, got \(error.response)")
            }
            XCTAssertEqual(returned, LoginBody(method: "password", identifier: "ada"))
            XCTAssertEqual(error.operationId, "submitLogin")
            XCTAssertEqual(error.statusCode, 400)
            XCTAssertEqual(error.httpResponse.body, Data(flow.utf8))
            XCTAssertEqual(try error.decodeBody(as: LoginBody.self).identifier, "ada")
            XCTAssertTrue(error.description.hasPrefix("submitLogin failed with HTTP 400: {"), error.description)
        }
    }

    func testAnyAPIErrorCatchesEveryOperation() async throws {
        let transport = ScriptedTransport(.json(404, #"{"code": 404, "message": "no such pet"}"#), HTTPResponse(statusCode: 500))
        let client = try client(transport)
        var statuses: [Int] = []
        for call in [{ _ = try await client.getPet(petId: 1) }, { try await client.deletePet(petId: 1) }] {
            do {
                try await call()
            } catch let error as any APIError {
                statuses.append(error.statusCode)
                if error.statusCode == 404 {
                    XCTAssertEqual(try error.decodeBody(as: ErrorModel.self).message, "no such pet")
                }
            }
        }
        XCTAssertEqual(statuses, [404, 500])
    }

    func testSeeOtherIsReportedWithItsLocation() async throws {
        let transport = ScriptedTransport(HTTPResponse(statusCode: 303, headerFields: ["location": "/ui/login?flow=f2"]))
        let client = try client(transport)

        let response = try await client.submitLoginResponse(flow: "f1", body: .urlEncodedForm(loginBody))

        XCTAssertEqual(response, .seeOther(headers: Operations.SubmitLogin.SeeOtherHeaders(location: "/ui/login?flow=f2")))
        XCTAssertEqual(response.statusCode, 303)
    }

    func testOptionalAndVoidReturns() async throws {
        let transport = ScriptedTransport(.json(200, #"{"id": 1, "name": "Rex"}"#), HTTPResponse(statusCode: 202))
        let client = try client(transport)
        let first = try await client.getStatus(code: 200)
        let second = try await client.getStatus(code: 202)
        XCTAssertEqual(first, Pet(id: 1, name: "Rex"))
        XCTAssertNil(second, "202 documents no body")
    }

    func testWithoutDocumentedSuccessAny2xxSucceeds() async throws {
        let transport = ScriptedTransport(HTTPResponse(statusCode: 201), .json(500, #"{"code": 1, "message": "down"}"#))
        let client = try client(transport)
        try await client.fireAndForget()
        do {
            try await client.fireAndForget()
            XCTFail("expected an OperationError")
        } catch let error as OperationError<Operations.FireAndForget.Response> {
            XCTAssertEqual(error.response, .default(statusCode: 500, ErrorModel(code: 1, message: "down")))
        }
    }

    func testSuccessBodyThatDoesNotDecodeIsADecodingError() async throws {
        let transport = ScriptedTransport(.json(200, #"{"name": "no id"}"#), .json(200, #"{"name": "no id"}"#))
        let client = try client(transport)
        do {
            _ = try await client.getPet(petId: 1)
            XCTFail("expected a DecodingError")
        } catch is DecodingError {}
        do {
            _ = try await client.getPetResponse(petId: 1)
            XCTFail("expected a DecodingError")
        } catch is DecodingError {}
    }

    // MARK: Response cases

    func testExactRangeAndUndocumentedCases() async throws {
        let error = #"{"code": 7, "message": "nope"}"#
        let transport = ScriptedTransport(
            .json(200, #"{"id": 1, "name": "Rex", "born": "2024-05-01T12:30:00Z"}"#),
            .json(404, error),
            .json(409, error),
            HTTPResponse(statusCode: 503),
            HTTPResponse(statusCode: 302),
            .text(404, "<html>proxy error</html>")
        )
        let client = try client(transport)
        var responses: [Operations.GetPet.Response] = []
        for _ in 0..<6 {
            responses.append(try await client.getPetResponse(petId: 1))
        }

        XCTAssertEqual(responses[0], .ok(Pet(id: 1, name: "Rex", born: Date(timeIntervalSince1970: 1_714_566_600))))
        XCTAssertEqual(responses[1], .notFound(ErrorModel(code: 7, message: "nope")))
        XCTAssertEqual(responses[2], .clientError(statusCode: 409, ErrorModel(code: 7, message: "nope")))
        XCTAssertEqual(responses[3], .serverError(statusCode: 503))
        XCTAssertEqual(responses[4], .undocumented(HTTPResponse(statusCode: 302)))
        guard case .undocumented(let raw) = responses[5] else {
            return XCTFail("an error body that is not the documented one is kept as received, got \(responses[5])")
        }
        XCTAssertEqual(raw.statusCode, 404)
        XCTAssertEqual(responses.map(\.statusCode), [200, 404, 409, 503, 302, 404])
    }

    func testOtherStatusNamesTextBodiesAndDefault() async throws {
        let transport = ScriptedTransport(
            .text(418, "short and stout"),
            HTTPResponse(statusCode: 307, headerFields: ["Location": "/elsewhere"]),
            HTTPResponse(statusCode: 499)
        )
        let client = try client(transport)

        let teapot = try await client.getStatusResponse(code: 418)
        let moved = try await client.getStatusResponse(code: 307)
        let other = try await client.getStatusResponse(code: 499)

        XCTAssertEqual(teapot, .status418("short and stout"))
        XCTAssertEqual(moved, .redirection(statusCode: 307, headers: Operations.GetStatus.RedirectionHeaders(location: "/elsewhere")))
        XCTAssertEqual(other, .default(statusCode: 499))
        XCTAssertEqual([teapot, moved, other].map(\.statusCode), [418, 307, 499])
    }

    func testTypedResponseHeaders() async throws {
        let transport = ScriptedTransport(
            .json(201, #"{"id": 5, "name": "Rex"}"#, headers: ["location": "/pets/5", "X-RATE-LIMIT-REMAINING": "41", "X-Colors": "red, green,blue"]),
            .json(201, #"{"id": 5, "name": "Rex"}"#, headers: ["X-Rate-Limit-Remaining": "41"]),
            .json(201, #"{"id": 5, "name": "Rex"}"#, headers: ["Location": "/pets/5", "X-Rate-Limit-Remaining": "many"])
        )
        let client = try client(transport)

        let created = try await client.createPetResponse(body: .json(NewPet(name: "Rex")))
        XCTAssertEqual(
            created,
            .created(
                Pet(id: 5, name: "Rex"),
                headers: Operations.CreatePet.CreatedHeaders(location: "/pets/5", xRateLimitRemaining: 41, xColors: [.red, .green, .unknown("blue")])
            )
        )
        do {
            _ = try await client.createPetResponse(body: .json(NewPet(name: "Rex")))
            XCTFail("a required header that is missing is a decoding error")
        } catch DecodingError.valueNotFound {}
        do {
            _ = try await client.createPetResponse(body: .json(NewPet(name: "Rex")))
            XCTFail("a header that does not parse is a decoding error")
        } catch DecodingError.dataCorrupted {}
    }

    func testConvenienceReturnsTheBodyWithoutHeaders() async throws {
        let transport = ScriptedTransport(.json(200, #"[{"id": 1, "name": "Rex"}]"#, headers: ["X-Total-Count": "1"]))
        let pets = try await client(transport).listPets()
        XCTAssertEqual(pets, [Pet(id: 1, name: "Rex")])
    }

    func testDefaultCaseCarriesTheStatus() async throws {
        let transport = ScriptedTransport(.json(502, #"{"code": 502, "message": "bad gateway"}"#))
        let response = try await client(transport).listPetsResponse()
        XCTAssertEqual(response, .default(statusCode: 502, ErrorModel(code: 502, message: "bad gateway")))
    }

    // MARK: Raw

    func testRawReturnsStatusHeadersAndBytesForAnyStatus() async throws {
        let bytes = Data(#"{"not": "a pet"}"#.utf8)
        let transport = ScriptedTransport(HTTPResponse(statusCode: 418, headerFields: ["X-Custom": "1"], body: bytes))
        let raw = try await client(transport).getPetRaw(petId: 1)
        XCTAssertEqual(raw.statusCode, 418)
        XCTAssertEqual(raw.value(forHeader: "x-custom"), "1")
        XCTAssertEqual(raw.body, bytes)
    }

    func testTransportErrorsPropagateFromEveryForm() async throws {
        let transport = ScriptedTransport(replies: [.failure(URLError(.notConnectedToInternet)), .failure(URLError(.timedOut))])
        let client = try client(transport)
        do {
            _ = try await client.getPet(petId: 1)
            XCTFail("expected a URLError")
        } catch let error as URLError {
            XCTAssertEqual(error.code, .notConnectedToInternet)
        }
        do {
            _ = try await client.getPetResponse(petId: 1)
            XCTFail("expected a URLError")
        } catch let error as URLError {
            XCTAssertEqual(error.code, .timedOut)
        }
    }

    func testHeadersAreReadCaseInsensitively() {
        let response = HTTPResponse(statusCode: 200, headerFields: ["Content-Type": "text/plain", "link": "<a>"])
        XCTAssertEqual(response.value(forHeader: "content-type"), "text/plain")
        XCTAssertEqual(response.value(forHeader: "LINK"), "<a>")
        XCTAssertNil(response.value(forHeader: "Location"))
        var request = HTTPRequest(method: "GET", url: URL(fileURLWithPath: "/"), headerFields: ["accept": "a"])
        request.setValue("b", forHeader: "Accept")
        XCTAssertEqual(request.headerFields, ["Accept": "b"])
    }
}
