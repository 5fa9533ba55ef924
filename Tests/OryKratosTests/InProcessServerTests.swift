import Foundation
import OryKratos
import XCTest

/// The generated client against the generated server side, in one process: `Client` →
/// `InProcessTransport` → `Router` → `FakeKratosHandler`, and the responses back.
final class InProcessServerTests: XCTestCase {
    let kratos = Client(
        serverURL: URL(string: "http://kratos.fake")!,
        transport: InProcessTransport(router: Router(handler: FakeKratosHandler()))
    )

    func password(_ password: String) -> UpdateLoginFlowBody {
        .password(UpdateLoginFlowWithPasswordMethod(identifier: FakeKratosHandler.email, method: "password", password: password))
    }

    func testCreateNativeLoginFlow() async throws {
        let flow = try await kratos.createNativeLoginFlow(refresh: true, returnTo: "https://app.example/after")
        XCTAssertEqual(flow.id.uuidString.lowercased(), KratosPayloads.loginFlowID)
        XCTAssertFalse(flow.ui.nodes.isEmpty)
    }

    func testWrongPasswordIsABadRequestWithTheFlow() async throws {
        for body in [Operations.UpdateLoginFlow.Body.json(password("nope")), .urlEncodedForm(password("nope"))] {
            let response = try await kratos.updateLoginFlowResponse(flow: KratosPayloads.loginFlowID, body: body)
            guard case .badRequest(let flow) = response else { return XCTFail("\(response)") }
            XCTAssertEqual(flow.id.uuidString.lowercased(), KratosPayloads.loginFlowID)
            do {
                _ = try await kratos.updateLoginFlow(flow: KratosPayloads.loginFlowID, body: body)
                XCTFail("a wrong password throws")
            } catch let error as OperationError<Operations.UpdateLoginFlow.Response> {
                XCTAssertEqual(error.response.statusCode, 400)
            }
        }
    }

    func testRightPasswordLogsIn() async throws {
        for body in [Operations.UpdateLoginFlow.Body.json(password(FakeKratosHandler.password)), .urlEncodedForm(password(FakeKratosHandler.password))] {
            let login = try await kratos.updateLoginFlow(flow: KratosPayloads.loginFlowID, body: body, xSessionToken: "t")
            XCTAssertEqual(login.sessionToken, FakeKratosHandler.sessionToken)
            XCTAssertEqual(login.session.id.uuidString.lowercased(), KratosPayloads.sessionID)
        }
    }

    func testExpiredFlowIsGone() async throws {
        let response = try await kratos.updateLoginFlowResponse(flow: "other", body: .json(password("x")))
        XCTAssertEqual(response.statusCode, 410)
    }

    func testGetIdentityFoundAndNotFound() async throws {
        let identity = try await kratos.getIdentity(id: KratosPayloads.identityID, includeCredential: [.password])
        XCTAssertEqual(identity.id.uuidString.lowercased(), KratosPayloads.identityID)
        let missing = try await kratos.getIdentityResponse(id: "does not exist/…")
        guard case .notFound(let error) = missing else { return XCTFail("\(missing)") }
        XCTAssertEqual(error.error.code, 404)
    }

    func testListIdentitiesPagesFollowTheLinkHeader() async throws {
        var ids: [String] = []
        for try await identity in kratos.listIdentitiesPages(pageSize: 2).items {
            ids.append(identity.id.uuidString.lowercased())
        }
        XCTAssertEqual(ids, FakeKratosHandler.identityIDs)
        let firstPage = try await kratos.listIdentitiesRaw(pageSize: 2)
        XCTAssertEqual(firstPage.value(forHeader: "link"), "</admin/identities?page_size=2&page_token=2>; rel=\"next\"")
    }

    func testUnimplementedOperationIs501() async throws {
        let response = try await kratos.getVersionRaw()
        XCTAssertEqual(response.statusCode, 501)
        let body = try JSONCoding.makeDecoder().decode(ErrorGeneric.self, from: response.body)
        XCTAssertEqual(body.error.code, 501)
    }
}
