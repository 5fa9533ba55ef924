import Foundation
import OryKratos
import XCTest

/// The generated `Client` against a scripted transport: requests as built, responses as decoded.
final class ClientTransportTests: XCTestCase {
    private let adminToken = "Bearer ory_pat_3xMz9qLrT0kVbN2sYwA7"
    private let sessionToken = "ory_st_MP2YWEMeM8MxjkGKpH4dqOQ4Q4DlSPaj"
    private let sessionCookie = "ory_kratos_session=MTcxNDU2NjYwMHxEdi1CQkFFQ180SUFBUkFCRUFBQVJfLUNBQUVHYzNSeWFXNW5EQThBRFhObGMzTnBiMjVmZEc5clpXND18"

    private func makeClient(
        _ transport: RecordingTransport,
        server: String = "https://kratos-admin.example.com",
        token: String? = nil
    ) throws -> Client {
        Client(
            serverURL: try XCTUnwrap(URL(string: server)),
            authentication: Authentication(oryAccessToken: token),
            transport: transport
        )
    }

    // MARK: getIdentity

    func testGetIdentityBuildsRequestAndDecodesBody() async throws {
        let transport = RecordingTransport(.json(200, KratosPayloads.identity))
        let client = try makeClient(transport, token: adminToken)

        let identity = try await client.getIdentity(id: "team/alpha user", includeCredential: [.password, .oidc])

        let request = try await transport.onlyRequest()
        XCTAssertEqual(request.method, "GET")
        XCTAssertEqual(
            request.url.absoluteString,
            "https://kratos-admin.example.com/admin/identities/team%2Falpha%20user?include_credential=password&include_credential=oidc"
        )
        XCTAssertEqual(request.urlComponents?.percentEncodedPath, "/admin/identities/team%2Falpha%20user")
        XCTAssertEqual(
            request.urlComponents?.queryItems,
            [URLQueryItem(name: "include_credential", value: "password"), URLQueryItem(name: "include_credential", value: "oidc")]
        )
        XCTAssertEqual(request.headerFields["Authorization"], adminToken, "oryAccessToken is sent as is")
        XCTAssertEqual(request.headerFields["Accept"], "application/json")
        XCTAssertNil(request.headerFields["Content-Type"])
        XCTAssertNil(request.body)

        XCTAssertEqual(identity.id, UUID(uuidString: KratosPayloads.identityID))
        XCTAssertEqual(identity.traits["email"]?.stringValue, "ada@example.com")
        XCTAssertEqual(identity.credentials?["oidc"]?.identifiers, ["google:108150934587329473421"])
    }

    func testPathParameterEncodingOfReservedCharacters() async throws {
        let transport = RecordingTransport(.json(200, KratosPayloads.identity))
        let client = try makeClient(transport, token: adminToken)

        _ = try await client.getIdentity(id: "a?b#c&d=e%f+g")

        let request = try await transport.onlyRequest()
        XCTAssertEqual(
            request.url.absoluteString,
            "https://kratos-admin.example.com/admin/identities/a%3Fb%23c%26d%3De%25f%2Bg"
        )
        XCTAssertNil(request.urlComponents?.query, "no include_credential means no query string")
    }

    func testServerURLWithBasePath() async throws {
        let transport = RecordingTransport(.json(200, KratosPayloads.identity))
        let client = try makeClient(transport, server: "https://example.com/api/kratos/", token: adminToken)

        _ = try await client.getIdentity(id: KratosPayloads.identityID, includeCredential: [.lookupSecret])

        let request = try await transport.onlyRequest()
        XCTAssertEqual(
            request.url.absoluteString,
            "https://example.com/api/kratos/admin/identities/9f425a8d-7efc-4768-8f23-7647a74fdf13?include_credential=lookup_secret"
        )
    }

    func testGetIdentityNotFoundThrowsAPIErrorWithErrorGeneric() async throws {
        let transport = RecordingTransport(.json(404, KratosPayloads.identityNotFound))
        let client = try makeClient(transport, token: adminToken)

        let error = try await expectAPIError { try await client.getIdentity(id: KratosPayloads.identityID) }

        XCTAssertEqual(error.statusCode, 404)
        XCTAssertEqual(error.operationId, "getIdentity")
        XCTAssertEqual(error.httpResponse.value(forHeader: "content-type"), "application/json; charset=utf-8")
        let body = try error.decodeBody(as: ErrorGeneric.self)
        XCTAssertEqual(body.error.code, 404)
        XCTAssertEqual(body.error.status, "Not Found")
        XCTAssertEqual(body.error.message, "The requested resource could not be found")
        XCTAssertEqual(body.error.details?["retryable"], .bool(false))
        XCTAssertTrue(error.description.contains("getIdentity failed with HTTP 404"), error.description)
        XCTAssertTrue(error.description.contains("The requested resource could not be found"), error.description)
    }

    func testUnexpectedSuccessBodyIsADecodingError() async throws {
        let transport = RecordingTransport(.json(200, #"{"id": "9f425a8d-7efc-4768-8f23-7647a74fdf13"}"#))
        let client = try makeClient(transport, token: adminToken)

        do {
            let identity = try await client.getIdentity(id: KratosPayloads.identityID)
            XCTFail("expected a DecodingError, got \(identity)")
        } catch is DecodingError {
            // The body lacks schema_id, schema_url and traits.
        }
    }

    // MARK: updateLoginFlow

    func testUpdateLoginFlowValidationErrorCarriesTheFlow() async throws {
        let transport = RecordingTransport(.json(400, KratosPayloads.loginFlowWithInvalidCredentials))
        let client = try makeClient(transport, server: "https://auth.example.com", token: adminToken)
        let submission = UpdateLoginFlowWithPasswordMethod(
            csrfToken: "kT3ZkV0cN2l0YWxzZWNyZXQtY3NyZi10b2tlbi12YWx1ZQ==",
            identifier: "ada@example.com",
            method: "password",
            password: "not my password"
        )

        let error = try await expectAPIError {
            try await client.updateLoginFlow(
                flow: KratosPayloads.loginFlowID,
                body: .json(.password(submission)),
                cookie: "csrf_token_82b119fb=Xw3CSRFcookie; " + sessionCookie
            )
        }

        XCTAssertEqual(error.statusCode, 400)
        XCTAssertEqual(error.operationId, "updateLoginFlow")
        let flow = try error.decodeBody(as: LoginFlow.self)
        XCTAssertEqual(flow.id, UUID(uuidString: KratosPayloads.loginFlowID))
        XCTAssertEqual(flow.type, "api")
        XCTAssertEqual(flow.ui.messages?.first?.id, 4_000_006)
        XCTAssertEqual(flow.ui.messages?.first?.type, .error)
        XCTAssertEqual(flow.ui.nodes.first?.attributes.input?.value, "ada@example.com")

        let request = try await transport.onlyRequest()
        XCTAssertEqual(request.method, "POST")
        XCTAssertEqual(
            request.url.absoluteString,
            "https://auth.example.com/self-service/login?flow=0a7f5b2e-3c4d-4e8f-9a1b-2c3d4e5f6a7b"
        )
        XCTAssertEqual(request.headerFields["Content-Type"], "application/json")
        XCTAssertEqual(request.headerFields["Cookie"], "csrf_token_82b119fb=Xw3CSRFcookie; " + sessionCookie)
        XCTAssertNil(request.headerFields["Authorization"], "frontend calls do not send the admin token")
        XCTAssertNil(request.headerFields["X-Session-Token"])
        XCTAssertEqual(
            try request.jsonBody(),
            [
                "csrf_token": "kT3ZkV0cN2l0YWxzZWNyZXQtY3NyZi10b2tlbi12YWx1ZQ==",
                "identifier": "ada@example.com",
                "method": "password",
                "password": "not my password",
            ]
        )
        let sent = try JSONCoding.makeDecoder().decode(UpdateLoginFlowBody.self, from: try XCTUnwrap(request.body))
        XCTAssertEqual(sent, .password(submission))
    }

    func testUpdateLoginFlowSuccessDecodesSession() async throws {
        let body = #"""
        {
          "session_token": "ory_st_MP2YWEMeM8MxjkGKpH4dqOQ4Q4DlSPaj",
          "session": \#(KratosPayloads.whoamiSession),
          "continue_with": [
            { "action": "set_ory_session_token", "ory_session_token": "ory_st_MP2YWEMeM8MxjkGKpH4dqOQ4Q4DlSPaj" }
          ]
        }
        """#
        let transport = RecordingTransport(.json(200, body))
        let client = try makeClient(transport, server: "https://auth.example.com")

        let login = try await client.updateLoginFlow(
            flow: KratosPayloads.loginFlowID,
            body: .json(.totp(UpdateLoginFlowWithTotpMethod(method: "totp", totpCode: "492039"))),
            xSessionToken: sessionToken
        )

        XCTAssertEqual(login.sessionToken, sessionToken)
        XCTAssertEqual(login.session.id, UUID(uuidString: KratosPayloads.sessionID))
        guard case .setOrySessionToken(let continuation) = try XCTUnwrap(login.continueWith?.first) else {
            return XCTFail("expected set_ory_session_token, got \(String(describing: login.continueWith))")
        }
        XCTAssertEqual(continuation.orySessionToken, sessionToken)

        let request = try await transport.onlyRequest()
        XCTAssertEqual(request.headerFields["X-Session-Token"], sessionToken)
        XCTAssertNil(request.headerFields["Cookie"])
        XCTAssertEqual(try request.jsonBody(), ["method": "totp", "totp_code": "492039"])
    }

    // MARK: createIdentity

    func testCreateIdentitySendsJSONBody() async throws {
        let transport = RecordingTransport(.json(201, KratosPayloads.identity))
        let client = try makeClient(transport, token: adminToken)
        let body = CreateIdentityBody(
            credentials: IdentityWithCredentials(
                password: IdentityWithCredentialsPassword(
                    config: IdentityWithCredentialsPasswordConfig(password: "correct horse battery staple")
                )
            ),
            metadataPublic: ["plan": "pro", "seats": 5],
            schemaId: "customer",
            state: .active,
            traits: [
                "email": "ada@example.com",
                "name": ["first": "Ada", "last": "Lovelace"],
                "newsletter": true,
            ],
            verifiableAddresses: [
                VerifiableIdentityAddress(status: "completed", value: "ada@example.com", verified: true, via: .email)
            ]
        )

        let created = try await client.createIdentity(body: body)

        XCTAssertEqual(created.id, UUID(uuidString: KratosPayloads.identityID))
        let request = try await transport.onlyRequest()
        XCTAssertEqual(request.method, "POST")
        XCTAssertEqual(request.url.absoluteString, "https://kratos-admin.example.com/admin/identities")
        XCTAssertEqual(request.headerFields["Content-Type"], "application/json")
        XCTAssertEqual(request.headerFields["Authorization"], adminToken)
        XCTAssertEqual(
            try request.jsonBody(),
            [
                "credentials": ["password": ["config": ["password": "correct horse battery staple"]]],
                "metadata_public": ["plan": "pro", "seats": 5],
                "schema_id": "customer",
                "state": "active",
                "traits": ["email": "ada@example.com", "name": ["first": "Ada", "last": "Lovelace"], "newsletter": true],
                "verifiable_addresses": [["status": "completed", "value": "ada@example.com", "verified": true, "via": "email"]],
            ]
        )
        let sent = try JSONCoding.makeDecoder().decode(CreateIdentityBody.self, from: try XCTUnwrap(request.body))
        XCTAssertEqual(sent, body)
    }

    func testCreateIdentityWithoutBodySendsNoContentType() async throws {
        let transport = RecordingTransport(.json(400, #"{"error": {"code": 400, "status": "Bad Request", "message": "The request was malformed or contained invalid parameters"}}"#))
        let client = try makeClient(transport, token: adminToken)

        let error = try await expectAPIError { try await client.createIdentity() }

        XCTAssertEqual(error.statusCode, 400)
        XCTAssertEqual(try error.decodeBody(as: ErrorGeneric.self).error.status, "Bad Request")
        let request = try await transport.onlyRequest()
        XCTAssertNil(request.body)
        XCTAssertNil(request.headerFields["Content-Type"])
    }

    // MARK: Header and cookie parameters

    func testToSessionSendsSessionTokenHeader() async throws {
        let transport = RecordingTransport(.json(200, KratosPayloads.whoamiSession))
        let client = try makeClient(transport, server: "https://auth.example.com", token: adminToken)

        let session = try await client.toSession(xSessionToken: sessionToken)

        let request = try await transport.onlyRequest()
        XCTAssertEqual(request.method, "GET")
        XCTAssertEqual(request.url.absoluteString, "https://auth.example.com/sessions/whoami")
        XCTAssertEqual(request.headerFields["X-Session-Token"], sessionToken)
        XCTAssertNil(request.headerFields["Cookie"])
        XCTAssertNil(request.headerFields["Authorization"], "whoami has no security requirement")
        XCTAssertEqual(session.id, UUID(uuidString: KratosPayloads.sessionID))
        XCTAssertEqual(session.identity?.traits["email"]?.stringValue, "ada@example.com")
    }

    func testToSessionSendsCookieHeaderAndQuery() async throws {
        let transport = RecordingTransport(.json(200, KratosPayloads.whoamiSession))
        let client = try makeClient(transport, server: "https://auth.example.com")

        _ = try await client.toSession(cookie: sessionCookie, tokenizeAs: "jwt_example_template")

        let request = try await transport.onlyRequest()
        XCTAssertEqual(request.headerFields["Cookie"], sessionCookie)
        XCTAssertNil(request.headerFields["X-Session-Token"])
        XCTAssertEqual(request.urlComponents?.queryItems, [URLQueryItem(name: "tokenize_as", value: "jwt_example_template")])
    }

    func testToSessionUnauthorized() async throws {
        let transport = RecordingTransport(.json(401, #"""
        {"error": {"id": "session_inactive", "code": 401, "status": "Unauthorized", "reason": "No valid session credentials found in the request.", "message": "The request could not be authorized"}}
        """#))
        let client = try makeClient(transport, server: "https://auth.example.com")

        let error = try await expectAPIError { try await client.toSession(xSessionToken: "ory_st_expired") }

        XCTAssertEqual(error.statusCode, 401)
        XCTAssertEqual(try error.decodeBody(as: ErrorGeneric.self).error.id, "session_inactive")
    }

    func testGetLoginFlowSendsCookieAndQuery() async throws {
        let transport = RecordingTransport(.json(200, KratosPayloads.loginFlow))
        let client = try makeClient(transport, server: "https://auth.example.com")

        let flow = try await client.getLoginFlow(id: KratosPayloads.loginFlowID, cookie: sessionCookie)

        let request = try await transport.onlyRequest()
        XCTAssertEqual(request.url.absoluteString, "https://auth.example.com/self-service/login/flows?id=0a7f5b2e-3c4d-4e8f-9a1b-2c3d4e5f6a7b")
        XCTAssertEqual(request.headerFields["Cookie"], sessionCookie)
        XCTAssertEqual(flow.ui.nodes.count, 10)
    }

    func testQueryValuesArePercentEncoded() async throws {
        let transport = RecordingTransport(.json(200, KratosPayloads.loginFlow))
        let client = try makeClient(transport, server: "https://auth.example.com")

        _ = try await client.createBrowserLoginFlow(
            refresh: true,
            aal: "aal2",
            returnTo: "https://app.example.com/after login?tab=security&x=1"
        )

        let request = try await transport.onlyRequest()
        XCTAssertEqual(
            request.url.absoluteString,
            "https://auth.example.com/self-service/login/browser?refresh=true&aal=aal2&return_to=https%3A%2F%2Fapp.example.com%2Fafter%20login%3Ftab%3Dsecurity%26x%3D1"
        )
        XCTAssertEqual(
            request.urlComponents?.queryItems?.first { $0.name == "return_to" }?.value,
            "https://app.example.com/after login?tab=security&x=1"
        )
    }

    // MARK: Other outcomes

    func testListIdentitiesRepeatsArrayQueryParameters() async throws {
        let transport = RecordingTransport(.json(200, "[\(KratosPayloads.identity)]"))
        let client = try makeClient(transport, token: adminToken)

        let identities = try await client.listIdentities(
            pageSize: 250,
            consistency: .strong,
            ids: [KratosPayloads.identityID, "00000000-0000-4000-8000-000000000001"]
        )

        XCTAssertEqual(identities.map(\.schemaId), ["customer"])
        let request = try await transport.onlyRequest()
        XCTAssertEqual(
            request.urlComponents?.query,
            "page_size=250&consistency=strong&ids=9f425a8d-7efc-4768-8f23-7647a74fdf13&ids=00000000-0000-4000-8000-000000000001"
        )
    }

    func testNoContentResponses() async throws {
        let transport = RecordingTransport(HTTPResponse(statusCode: 204), HTTPResponse(statusCode: 204))
        let client = try makeClient(transport, token: adminToken)

        try await client.deleteIdentity(id: KratosPayloads.identityID)
        let extended = try await client.extendSession(id: KratosPayloads.sessionID)

        XCTAssertNil(extended, "204 means the session was extended without a body")
        let requests = await transport.requests
        XCTAssertEqual(requests.map(\.method), ["DELETE", "PATCH"])
        XCTAssertEqual(
            requests.map(\.url.absoluteString),
            [
                "https://kratos-admin.example.com/admin/identities/9f425a8d-7efc-4768-8f23-7647a74fdf13",
                "https://kratos-admin.example.com/admin/sessions/5d1c2a7e-8b9f-4c3d-a1e2-f3b4c5d6e7f8/extend",
            ]
        )
        XCTAssertEqual(requests.map { $0.headerFields["Authorization"] }, [adminToken, adminToken])
    }

    func testAdminCallWithoutTokenSendsNoAuthorization() async throws {
        let transport = RecordingTransport(.json(401, #"{"error": {"code": 401, "status": "Unauthorized", "message": "The request could not be authorized"}}"#))
        let client = try makeClient(transport)

        let error = try await expectAPIError { try await client.getIdentity(id: KratosPayloads.identityID) }

        XCTAssertEqual(error.statusCode, 401)
        let request = try await transport.onlyRequest()
        XCTAssertNil(request.headerFields["Authorization"])
    }

    func testTransportErrorsPropagateUnchanged() async throws {
        let transport = RecordingTransport(failingWith: URLError(.notConnectedToInternet))
        let client = try makeClient(transport, token: adminToken)

        do {
            let identity = try await client.getIdentity(id: KratosPayloads.identityID)
            XCTFail("expected a URLError, got \(identity)")
        } catch let error as URLError {
            XCTAssertEqual(error.code, .notConnectedToInternet)
        }
        let requests = await transport.requests
        XCTAssertEqual(requests.count, 1)
    }
}
