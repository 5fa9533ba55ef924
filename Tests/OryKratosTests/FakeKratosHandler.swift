import Foundation
import OryKratos

/// A fake Kratos serving a few operations through the generated server side; the rest answer 501.
struct FakeKratosHandler: PartialAPIHandler {
    static let email = "alice@example.com"
    static let password = "correct horse battery staple"
    static let sessionToken = "ory_st_fake"
    /// The identities `listIdentities` pages through, in order.
    static let identityIDs = (1...5).map { String(format: "00000000-0000-4000-8000-%012d", $0) }

    private func decode<Value: Decodable>(_ type: Value.Type, _ json: String) throws -> Value {
        try JSONCoding.makeDecoder().decode(Value.self, from: Data(json.utf8))
    }

    private func notFound(_ message: String) -> ErrorGeneric {
        ErrorGeneric(error: GenericError(code: 404, message: message, reason: "not found", status: "Not Found"))
    }

    private func identity(id: String) throws -> Identity {
        var identity = try decode(Identity.self, KratosPayloads.identity)
        identity.id = UUID(uuidString: id) ?? identity.id
        return identity
    }

    func createNativeLoginFlow(_ input: Operations.CreateNativeLoginFlow.Input) async throws -> Operations.CreateNativeLoginFlow.Response {
        .ok(try decode(LoginFlow.self, KratosPayloads.loginFlow))
    }

    func updateLoginFlow(_ input: Operations.UpdateLoginFlow.Input) async throws -> Operations.UpdateLoginFlow.Response {
        guard input.flow == KratosPayloads.loginFlowID else {
            return .gone(ErrorGeneric(error: GenericError(code: 410, message: "This login flow expired.", status: "Gone")))
        }
        let body: UpdateLoginFlowBody
        switch input.body {
        case .json(let value), .urlEncodedForm(let value): body = value
        }
        guard case .password(let method) = body, method.identifier == Self.email, method.password == Self.password else {
            return .badRequest(try decode(LoginFlow.self, KratosPayloads.loginFlowWithInvalidCredentials))
        }
        let session = try decode(Session.self, KratosPayloads.whoamiSession)
        return .ok(SuccessfulNativeLogin(session: session, sessionToken: Self.sessionToken))
    }

    func getIdentity(_ input: Operations.GetIdentity.Input) async throws -> Operations.GetIdentity.Response {
        guard input.id == KratosPayloads.identityID || Self.identityIDs.contains(input.id) else {
            return .notFound(notFound("Unable to locate the resource"))
        }
        return .ok(try identity(id: input.id))
    }

    /// Token pagination: `page_token` is the index of the first identity; `Link` names the next page.
    /// The spec documents no `Link` header for HTTP 200, so the page is sent as the response itself.
    func listIdentities(_ input: Operations.ListIdentities.Input) async throws -> Operations.ListIdentities.Response {
        let size = Int(input.pageSize ?? 250)
        let start = Int(input.pageToken ?? "0") ?? 0
        let ids = Self.identityIDs
        let page = try ids[min(start, ids.count)..<min(start + size, ids.count)].map { try identity(id: $0) }
        var headers = ["Content-Type": "application/json"]
        if start + size < ids.count {
            headers["Link"] = "</admin/identities?page_size=\(size)&page_token=\(start + size)>; rel=\"next\""
        }
        return .undocumented(HTTPResponse(statusCode: 200, headerFields: headers, body: try JSONCoding.makeEncoder().encode(page)))
    }
}
