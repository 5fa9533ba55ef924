import Foundation
import OryKratos
import XCTest

/// The generated `Router` on its own: matching, parameter and body decoding, errors.
final class RouterTests: XCTestCase {
    /// Records the inputs it is called with and answers with canned responses.
    final class Recorder: PartialAPIHandler, @unchecked Sendable {
        private let lock = NSLock()
        private var _inputs: [any Sendable] = []
        var inputs: [any Sendable] { lock.withLock { _inputs } }

        func record(_ input: any Sendable) { lock.withLock { _inputs.append(input) } }

        func getIdentity(_ input: Operations.GetIdentity.Input) async throws -> Operations.GetIdentity.Response {
            record(input)
            if input.id == "boom" { throw CancellationError() }
            return .notFound(ErrorGeneric(error: GenericError(code: 404, message: "no \(input.id)")))
        }

        func listIdentities(_ input: Operations.ListIdentities.Input) async throws -> Operations.ListIdentities.Response {
            record(input)
            return .ok([])
        }

        func updateLoginFlow(_ input: Operations.UpdateLoginFlow.Input) async throws -> Operations.UpdateLoginFlow.Response {
            record(input)
            return .seeOther
        }

        func toSession(_ input: Operations.ToSession.Input) async throws -> Operations.ToSession.Response {
            record(input)
            return .unauthorized(ErrorGeneric(error: GenericError(message: "no session")))
        }

        func deleteIdentity(_ input: Operations.DeleteIdentity.Input) async throws -> Operations.DeleteIdentity.Response {
            record(input)
            return .noContent
        }
    }

    let recorder = Recorder()
    var router: Router { Router(handler: recorder) }

    func send(
        _ method: String, _ path: String, headers: [String: String] = [:], body: String? = nil
    ) async -> HTTPResponse {
        await router.handle(
            HTTPRequest(method: method, url: URL(string: "http://kratos.fake" + path)!, headerFields: headers, body: body.map { Data($0.utf8) })
        )
    }

    func errorMessage(_ response: HTTPResponse) throws -> String {
        try JSONCoding.makeDecoder().decode(ErrorGeneric.self, from: response.body).error.message
    }

    func testUnknownPathIs404() async throws {
        let response = await send("GET", "/no/such/path")
        XCTAssertEqual(response.statusCode, 404)
        XCTAssertEqual(response.value(forHeader: "content-type"), "application/json")
        XCTAssertTrue(try errorMessage(response).contains("/no/such/path"))
        XCTAssertTrue(recorder.inputs.isEmpty)
    }

    func testWrongMethodIs405WithAllow() async throws {
        let response = await send("PUT", "/sessions/whoami")
        XCTAssertEqual(response.statusCode, 405)
        // `DELETE /sessions/{id}` matches the path too.
        XCTAssertEqual(response.value(forHeader: "Allow"), "DELETE, GET")
        let identity = await send("POST", "/admin/identities/abc")
        XCTAssertEqual(identity.statusCode, 405)
        XCTAssertEqual(identity.value(forHeader: "Allow"), "DELETE, GET, PATCH, PUT")
    }

    func testPathParameterIsPercentDecoded() async throws {
        let response = await send("GET", "/admin/identities/a%2Fb%20c?include_credential=password&include_credential=oidc")
        XCTAssertEqual(response.statusCode, 404)
        let input = try XCTUnwrap(recorder.inputs.first as? Operations.GetIdentity.Input)
        XCTAssertEqual(input.id, "a/b c")
        XCTAssertEqual(input.includeCredential, [.password, .oidc])
        XCTAssertEqual(try errorMessage(response), "no a/b c")
    }

    func testLiteralSegmentsWinOverParameters() async throws {
        let response = await send("GET", "/sessions/whoami", headers: ["X-Session-Token": "tok", "Cookie": "a=b; ory_session=x"])
        XCTAssertEqual(response.statusCode, 401)
        let input = try XCTUnwrap(recorder.inputs.first as? Operations.ToSession.Input)
        XCTAssertEqual(input.xSessionToken, "tok")
        XCTAssertEqual(input.cookie, "a=b; ory_session=x")
    }

    func testQueryParametersOfEveryType() async throws {
        let response = await send("GET", "/admin/identities?page_size=2&page_token=t%26k&consistency=strong&ids=a&ids=b%2Cc")
        XCTAssertEqual(response.statusCode, 200)
        XCTAssertEqual(response.body, Data("[]".utf8))
        let input = try XCTUnwrap(recorder.inputs.first as? Operations.ListIdentities.Input)
        XCTAssertEqual(input.pageSize, 2)
        XCTAssertEqual(input.pageToken, "t&k")
        XCTAssertEqual(input.consistency, .strong)
        XCTAssertEqual(input.ids, ["a", "b,c"])
        XCTAssertNil(input.perPage)
    }

    func testBadParameterIs400() async throws {
        let response = await send("GET", "/admin/identities?page_size=many")
        XCTAssertEqual(response.statusCode, 400)
        let message = try errorMessage(response)
        XCTAssertTrue(message.contains("page_size"), message)
        XCTAssertTrue(recorder.inputs.isEmpty)
    }

    func testMissingRequiredParameterIs400() async throws {
        let response = await send("POST", "/self-service/login", headers: ["Content-Type": "application/json"], body: #"{"method":"password","identifier":"a","password":"b"}"#)
        XCTAssertEqual(response.statusCode, 400)
        XCTAssertTrue(try errorMessage(response).contains("flow"))
    }

    func testFormBodyWithDottedNames() async throws {
        let form = "method=password&identifier=alice%40example.com&password=p+w%26d&transient_payload.team=blue&transient_payload.n=3"
        let response = await send("POST", "/self-service/login?flow=f1", headers: ["Content-Type": "application/x-www-form-urlencoded"], body: form)
        XCTAssertEqual(response.statusCode, 303)
        XCTAssertTrue(response.body.isEmpty)
        let input = try XCTUnwrap(recorder.inputs.first as? Operations.UpdateLoginFlow.Input)
        XCTAssertEqual(input.flow, "f1")
        guard case .urlEncodedForm(.password(let method)) = input.body else { return XCTFail("\(input.body)") }
        XCTAssertEqual(method.identifier, "alice@example.com")
        XCTAssertEqual(method.password, "p w&d")
        XCTAssertEqual(method.transientPayload, ["team": .string("blue"), "n": .string("3")])
    }

    func testJSONBodyAndItsErrors() async throws {
        let ok = await send("POST", "/self-service/login?flow=f", headers: ["Content-Type": "application/json; charset=utf-8"], body: #"{"method":"password","identifier":"a","password":"b"}"#)
        XCTAssertEqual(ok.statusCode, 303)
        let broken = await send("POST", "/self-service/login?flow=f", headers: ["Content-Type": "application/json"], body: #"{"method":"password","identifier":"a"}"#)
        XCTAssertEqual(broken.statusCode, 400)
        let message = try errorMessage(broken)
        XCTAssertTrue(message.contains("password"), message)
        let empty = await send("POST", "/self-service/login?flow=f", headers: ["Content-Type": "application/json"])
        XCTAssertEqual(empty.statusCode, 400)
        let xml = await send("POST", "/self-service/login?flow=f", headers: ["Content-Type": "text/xml"], body: "<a/>")
        XCTAssertEqual(xml.statusCode, 415)
        XCTAssertEqual(recorder.inputs.count, 1)
    }

    func testHandlerErrorIs500() async throws {
        let response = await send("GET", "/admin/identities/boom")
        XCTAssertEqual(response.statusCode, 500)
        XCTAssertTrue(try errorMessage(response).contains("CancellationError"))
    }

    func testNoContentResponse() async throws {
        let response = await send("DELETE", "/admin/identities/x")
        XCTAssertEqual(response.statusCode, 204)
        XCTAssertTrue(response.body.isEmpty)
    }

    func testBasePath() async throws {
        let prefixed = Router(handler: recorder, basePath: "/kratos/")
        let request = HTTPRequest(method: "GET", url: URL(string: "http://h/kratos/admin/identities")!)
        let inside = await prefixed.handle(request)
        XCTAssertEqual(inside.statusCode, 200)
        let outside = await prefixed.handle(HTTPRequest(method: "GET", url: URL(string: "http://h/admin/identities")!))
        XCTAssertEqual(outside.statusCode, 404)
    }

    func testInputsAreHashableValues() {
        let a = Operations.GetIdentity.Input(id: "x", includeCredential: [.password])
        XCTAssertEqual(a, Operations.GetIdentity.Input(id: "x", includeCredential: [.password]))
        XCTAssertNotEqual(a, Operations.GetIdentity.Input(id: "y"))
    }
}
