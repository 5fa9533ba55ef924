import FakeKratos
import Foundation
import Hummingbird
import HummingbirdTesting
import OryKratos
import XCTest

/// Starts the fake Kratos on 127.0.0.1 (an ephemeral port) and calls it with the generated
/// `Client` over real HTTP (`URLSessionTransport`).
final class FakeKratosServerTests: XCTestCase {
    func withLiveClient(_ body: @escaping @Sendable (Client) async throws -> Void) async throws {
        let app = Application.fakeKratos(handler: FakeKratosHandler(), port: 0)
        try await app.test(.live) { client in
            let port = try XCTUnwrap(client.port)
            try await body(Client(serverURL: URL(string: "http://127.0.0.1:\(port)")!))
        }
    }

    func testNativeLoginOverHTTP() async throws {
        try await withLiveClient { kratos in
            let flow = try await kratos.createNativeLoginFlow()
            XCTAssertEqual(flow.id.uuidString.lowercased(), FakeKratosHandler.loginFlowID)

            let wrong = UpdateLoginFlowBody.password(
                UpdateLoginFlowWithPasswordMethod(identifier: FakeKratosHandler.email, method: "password", password: "nope")
            )
            guard case .badRequest(let rejected) = try await kratos.updateLoginFlowResponse(flow: FakeKratosHandler.loginFlowID, body: .urlEncodedForm(wrong)) else {
                return XCTFail("a wrong password is a 400 with the flow")
            }
            XCTAssertFalse(rejected.ui.messages?.isEmpty ?? true)

            let right = UpdateLoginFlowBody.password(
                UpdateLoginFlowWithPasswordMethod(identifier: FakeKratosHandler.email, method: "password", password: FakeKratosHandler.password)
            )
            let login = try await kratos.updateLoginFlow(flow: FakeKratosHandler.loginFlowID, body: .urlEncodedForm(right))
            XCTAssertEqual(login.sessionToken, FakeKratosHandler.sessionToken)
        }
    }

    func testIdentitiesAndErrorsOverHTTP() async throws {
        try await withLiveClient { kratos in
            let identity = try await kratos.getIdentity(id: FakeKratosHandler.identityIDs[0])
            XCTAssertEqual(identity.id.uuidString.lowercased(), FakeKratosHandler.identityIDs[0])
            let missing = try await kratos.getIdentityResponse(id: "nobody")
            XCTAssertEqual(missing.statusCode, 404)

            var all: [String] = []
            for try await identity in kratos.listIdentitiesPages(pageSize: 2).items {
                all.append(identity.id.uuidString.lowercased())
            }
            XCTAssertEqual(all, FakeKratosHandler.identityIDs)

            let unimplemented = try await kratos.getVersionRaw()
            XCTAssertEqual(unimplemented.statusCode, 501)
        }
    }
}
