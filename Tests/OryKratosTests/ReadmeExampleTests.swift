import Foundation
import OryKratos
import XCTest

/// The README's "Using the generated client" code, run against canned Kratos answers.
/// `ReadmeSnippetTests` checks the README shows exactly these lines.
final class ReadmeExampleTests: XCTestCase {
    func testReadmeExampleRuns() async throws {
        let flowJSON = KratosPayloads.loginFlow
        let transport = RecordingTransport(
            .json(200, flowJSON),
            .json(400, flowJSON)
        )
        let admin = try await readmeExample(transport: transport)
        let requests = await transport.requests
        XCTAssertEqual(requests.map(\.method), ["GET", "POST"])
        XCTAssertEqual(requests[1].headerFields["Content-Type"], "application/json")
        XCTAssertEqual(admin.authentication.oryAccessToken, "Bearer ory_pat_example")
    }

    /// The README snippet, verbatim between the markers; returns the admin client it configures.
    private func readmeExample(transport: any HTTPTransport) async throws -> Client {
        // README example start
        let kratos = Client(serverURL: URL(string: "https://auth.example.com")!, transport: transport)

        // A native login: start a flow, then submit the password form.
        let flow = try await kratos.createNativeLoginFlow()
        do {
            let login = try await kratos.updateLoginFlow(
                flow: flow.id.uuidString.lowercased(),
                body: .json(.password(UpdateLoginFlowWithPasswordMethod(
                    identifier: "ada@example.com", method: "password", password: "correct horse"
                )))
            )
            print("session token:", login.sessionToken ?? "none")
        } catch let error as OperationError<Operations.UpdateLoginFlow.Response> {
            // Kratos answers a failed login with HTTP 400 and the flow, its messages filled in.
            if case .badRequest(let failed) = error.response {
                print(failed.ui.messages ?? [])
            }
        }

        // Admin calls authenticate with an API key (Ory Network: a project API key).
        var admin = kratos
        admin.authentication = Authentication(oryAccessToken: "Bearer ory_pat_example")
        admin.middlewares = [RetryMiddleware(maxAttempts: 3)]
        // README example end
        return admin
    }
}
