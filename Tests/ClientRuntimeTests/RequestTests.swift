import ClientFixture
import Foundation
import XCTest

/// Requests as the generated operations build them: parameters in every location and style,
/// bodies in every media type, credentials where each scheme puts them, and servers.
final class RequestTests: XCTestCase {
    private func client(_ transport: ScriptedTransport, authentication: Authentication = Authentication()) throws -> Client {
        Client(serverURL: try makeURL("https://api.example.com/v1/"), authentication: authentication, transport: transport)
    }

    // MARK: Parameters

    func testEveryStyleOfAGeneratedOperation() async throws {
        let transport = ScriptedTransport(HTTPResponse(statusCode: 204))
        let client = try client(transport)
        let alex = Person(role: "admin", firstName: "Alex")

        try await client.getStyles(
            label: [3, 4, 5],
            matrix: alex,
            simple: "a b/c",
            person: alex,
            pipes: [1, 2],
            spaces: ["x", "y z"],
            form: alex,
            exploded: alex,
            redirect: "/next?step=2",
            color: .red,
            since: Date(timeIntervalSince1970: 1_714_566_600),
            xPerson: alex,
            xIds: [7, 8],
            prefs: ["dark", "compact"],
            theme: "solar;ized"
        )

        let request = try await transport.onlyRequest()
        XCTAssertEqual(request.method, "GET")
        XCTAssertEqual(request.rawPath, "/v1/styles/.3.4.5/;role=admin;firstName=Alex/a%20b%2Fc")
        XCTAssertEqual(
            request.rawQuery,
            "person%5Brole%5D=admin&person%5BfirstName%5D=Alex&pipes=1%7C2&spaces=x%20y%20z"
                + "&form=role,admin,firstName,Alex&role=admin&firstName=Alex&redirect=/next?step=2&color=red"
                + "&since=2024-05-01T12%3A30%3A00Z"
        )
        XCTAssertEqual(request.headerFields["X-Person"], "role=admin,firstName=Alex")
        XCTAssertEqual(request.headerFields["X-Ids"], "7,8")
        XCTAssertEqual(request.headerFields["Cookie"], "prefs=dark,compact; theme=solar%3Bized")
        XCTAssertEqual(request.headerFields["Accept"], "application/json")
        XCTAssertNil(request.body)
    }

    func testOptionalParametersLeftOutAndPathParameterTyped() async throws {
        let transport = ScriptedTransport(.json(200, #"{"id": 12, "name": "Rex"}"#))
        let client = try client(transport, authentication: Authentication(bearerAuth: "t0k"))

        let pet = try await client.getPet(petId: 12, xRequestID: UUID(uuidString: "00000000-0000-4000-8000-00000000000A"))

        XCTAssertEqual(pet, Pet(id: 12, name: "Rex"))
        let request = try await transport.onlyRequest()
        XCTAssertEqual(request.url.absoluteString, "https://api.example.com/v1/pets/12")
        XCTAssertEqual(request.headerFields["X-Request-ID"], "00000000-0000-4000-8000-00000000000a")
    }

    func testArrayQueryParameterRepeatsItsName() async throws {
        let transport = ScriptedTransport(.json(200, "[]", headers: ["X-Total-Count": "0"]))
        let client = try client(transport)

        _ = try await client.listPets(pageSize: 2, tag: ["a&b", "ü"])

        let request = try await transport.onlyRequest()
        XCTAssertEqual(request.rawQuery, "page_size=2&tag=a%26b&tag=%C3%BC")
    }

    // MARK: Bodies

    func testJSONBody() async throws {
        let transport = ScriptedTransport(.json(201, #"{"id": 1, "name": "Rex"}"#, headers: ["Location": "/pets/1"]))
        let client = try client(transport)

        _ = try await client.createPet(body: .json(NewPet(name: "Rex", tags: ["good"], owner: Person(role: "owner", firstName: "Ada"))))

        let request = try await transport.onlyRequest()
        XCTAssertEqual(request.method, "POST")
        XCTAssertEqual(request.headerFields["Content-Type"], "application/json")
        XCTAssertEqual(request.headerFields["Accept"], "application/json, text/plain")
        XCTAssertEqual(
            try request.jsonBody(),
            ["name": "Rex", "tags": ["good"], "owner": ["role": "owner", "firstName": "Ada"]] as NSDictionary
        )
    }

    /// Kratos-style: nested objects as dotted names, in declaration order; arrays repeat the name.
    func testFormBodyWithNestedObjectsAndArrays() async throws {
        let transport = ScriptedTransport(.json(200, #"{"token": "s3"}"#))
        let client = try client(transport)
        let body = LoginBody(
            method: "password",
            identifier: "ada@example.com",
            password: "p&ss word=+",
            traits: LoginBody.Traits(email: "ada@example.com", name: LoginBody.Traits.Name(first: "Ada", last: "Lovelace")),
            remember: true
        )

        let session = try await client.submitLogin(flow: "f1", body: .urlEncodedForm(body))

        XCTAssertEqual(session.token, "s3")
        let request = try await transport.onlyRequest()
        XCTAssertEqual(request.headerFields["Content-Type"], "application/x-www-form-urlencoded")
        XCTAssertEqual(
            request.bodyText,
            "method=password&identifier=ada%40example.com&password=p%26ss+word%3D%2B"
                + "&traits.email=ada%40example.com&traits.name.first=Ada&traits.name.last=Lovelace&remember=true"
        )

        let arrays = ScriptedTransport(.json(201, #"{"id": 1, "name": "Rex"}"#, headers: ["Location": "/pets/1"]))
        _ = try await self.client(arrays).createPet(body: .urlEncodedForm(NewPet(name: "Rex", tags: ["a", "b c"])))
        let arraysRequest = try await arrays.onlyRequest()
        XCTAssertEqual(arraysRequest.bodyText, "name=Rex&tags=a&tags=b+c")
    }

    func testMultipartBodyHasOnePartPerMember() async throws {
        let transport = ScriptedTransport(.text(201, "stored as 17"))
        let client = try client(transport, authentication: Authentication(apiKeyHeader: "k"))
        let upload = Upload(
            file: Data([0x00, 0xFF, 0x0D, 0x0A]),
            description: "A \"quoted\" name",
            metadata: ["kind": "photo"],
            tags: ["a", "b"],
            attachments: [Data("one".utf8), Data("two".utf8)]
        )

        let stored = try await client.upload(body: upload)

        XCTAssertEqual(stored, "stored as 17")
        let request = try await transport.onlyRequest()
        let parts = try multipartParts(of: request)
        XCTAssertEqual(parts.map { $0.headers["Content-Disposition"] }, [
            #"form-data; name="file"; filename="file""#,
            #"form-data; name="description""#,
            #"form-data; name="metadata""#,
            #"form-data; name="tags""#,
            #"form-data; name="tags""#,
            #"form-data; name="attachments"; filename="attachments""#,
            #"form-data; name="attachments"; filename="attachments""#,
        ])
        XCTAssertEqual(parts.map { $0.headers["Content-Type"] }, [
            "application/octet-stream", nil, "application/json", nil, nil, "application/octet-stream", "application/octet-stream",
        ])
        XCTAssertEqual(parts[0].body, Data([0x00, 0xFF, 0x0D, 0x0A]), "bytes are sent as they are")
        XCTAssertEqual(parts[1].text, #"A "quoted" name"#)
        XCTAssertEqual(parts[2].text, #"{"kind":"photo"}"#)
        XCTAssertEqual(parts[3...4].map(\.text), ["a", "b"])
        XCTAssertEqual(parts[5...6].map(\.text), ["one", "two"])
        XCTAssertEqual(request.headerFields["X-API-Key"], "k")
        XCTAssertEqual(request.headerFields["Accept"], "text/plain")
    }

    func testMultipartChoiceOfABodyEnum() async throws {
        let transport = ScriptedTransport(.json(201, #"{"id": 1, "name": "Rex"}"#, headers: ["Location": "/pets/1"]))
        let client = try client(transport)

        _ = try await client.createPet(body: .multipartForm(NewPet(name: "Rex", photo: Data("img".utf8), owner: Person(role: "r", firstName: "f"))))

        let parts = try multipartParts(of: try await transport.onlyRequest())
        XCTAssertEqual(parts.map(\.text), ["Rex", "img", #"{"role":"r","firstName":"f"}"#])
        XCTAssertEqual(parts[1].headers["Content-Disposition"], #"form-data; name="photo"; filename="photo""#)
    }

    func testTextAndBinaryBodies() async throws {
        let transport = ScriptedTransport(
            .text(200, "noted"),
            HTTPResponse(statusCode: 200, headerFields: ["Content-Type": "application/octet-stream"], body: Data([1, 2, 3])),
            .text(200, "noted")
        )
        let client = try client(transport, authentication: Authentication(apiKeyCookie: "c00kie", oauth: "oauth-token"))

        let note = try await client.postNote(body: .plainText("Grüße\n"))
        let bytes = try await client.putRaw(body: HTTPBody(Data([9, 8, 7])))
        _ = try await client.postNote()

        XCTAssertEqual(note, "noted")
        let received = try await bytes.collect(upTo: 1024)
        XCTAssertEqual(received, Data([1, 2, 3]))
        let requests = await transport.requests
        XCTAssertEqual(requests[0].headerFields["Content-Type"], "text/plain")
        XCTAssertEqual(requests[0].body, Data("Grüße\n".utf8))
        XCTAssertEqual(requests[0].headerFields["Authorization"], "Bearer oauth-token", "OAuth2 tokens are sent as bearer tokens")
        XCTAssertEqual(requests[1].headerFields["Content-Type"], "application/octet-stream")
        XCTAssertEqual(requests[1].body, Data([9, 8, 7]))
        XCTAssertEqual(requests[1].headerFields["Accept"], "application/octet-stream")
        XCTAssertNil(requests[2].body, "an optional body left out sends none")
        XCTAssertNil(requests[2].headerFields["Content-Type"])
    }

    /// A body from a file reaches the transport as a stream, not in the request; a transport that
    /// does not stream (this one) is handed it read whole by `stream(_:body:)`'s default.
    func testBinaryBodyFromAFileStreamsToTheTransport() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-body-\(UUID().uuidString)")
        try Data([4, 5, 6, 7]).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let transport = ScriptedTransport(
            HTTPResponse(statusCode: 200, headerFields: ["Content-Type": "application/octet-stream"], body: Data([1]))
        )
        let client = try client(transport, authentication: Authentication(apiKeyCookie: "c00kie"))
        let progress = ProgressRecorder()
        let body = try HTTPBody(contentsOf: file, chunkSize: 3).reportingProgress { progress.record($0) }

        let answer = try await client.putRaw(body: body)

        let received = try await answer.collect(upTo: 16)
        XCTAssertEqual(received, Data([1]))
        let requests = await transport.requests
        XCTAssertEqual(requests.first?.body, Data([4, 5, 6, 7]))
        XCTAssertEqual(requests.first?.headerFields["Content-Type"], "application/octet-stream")
        XCTAssertEqual(progress.reports.map(\.completedBytes), [3, 4], "read in chunks of 3 bytes, each reported")
        XCTAssertEqual(progress.reports.last?.fractionCompleted, 1)
    }

    // MARK: Security

    func testBearerAndQueryAPIKeyAlternatives() async throws {
        let pet = #"{"id": 1, "name": "Rex"}"#
        let transport = ScriptedTransport(.json(200, pet), .json(200, pet), .json(200, pet))
        var client = try client(transport, authentication: Authentication(bearerAuth: "b3arer", apiKeyQuery: "q key"))
        _ = try await client.getPet(petId: 1)
        client.authentication.bearerAuth = nil
        _ = try await client.getPet(petId: 1)
        client.authentication.apiKeyQuery = nil
        _ = try await client.getPet(petId: 1)

        let requests = await transport.requests
        XCTAssertEqual(requests[0].headerFields["Authorization"], "Bearer b3arer", "the first satisfiable alternative wins")
        XCTAssertNil(requests[0].rawQuery)
        XCTAssertNil(requests[1].headerFields["Authorization"])
        XCTAssertEqual(requests[1].rawQuery, "api_key=q%20key")
        XCTAssertNil(requests[2].headerFields["Authorization"])
        XCTAssertNil(requests[2].rawQuery, "no credentials, nothing sent")
    }

    func testBasicWithCookieAPIKeyAreAppliedTogether() async throws {
        let transport = ScriptedTransport(HTTPResponse(statusCode: 204), HTTPResponse(statusCode: 204))
        var client = try client(
            transport,
            authentication: Authentication(basicAuth: BasicCredentials(username: "ada", password: "s3cret:x"), apiKeyCookie: "abc")
        )
        try await client.deletePet(petId: 3)
        client.authentication.apiKeyCookie = nil
        try await client.deletePet(petId: 3)

        let requests = await transport.requests
        XCTAssertEqual(requests[0].headerFields["Authorization"], "Basic " + Data("ada:s3cret:x".utf8).base64EncodedString())
        XCTAssertEqual(requests[0].headerFields["Cookie"], "session_id=abc")
        XCTAssertNil(requests[1].headerFields["Authorization"], "an alternative applies only when all its schemes are set")
        XCTAssertNil(requests[1].headerFields["Cookie"])
    }

    func testDocumentLevelHeaderAPIKeyAndExplicitlyNoSecurity() async throws {
        let transport = ScriptedTransport(.text(201, "ok"), .json(200, #"{"id": 1, "name": "Rex"}"#))
        let client = try client(transport, authentication: Authentication(apiKeyHeader: "h3ader"))
        _ = try await client.upload(body: Upload(file: Data()))
        _ = try await client.pet()

        let requests = await transport.requests
        XCTAssertEqual(requests[0].headerFields["X-API-Key"], "h3ader")
        XCTAssertNil(requests[1].headerFields["X-API-Key"], "`security: []` sends no credentials")
    }

    func testOptionalSecuritySendsCredentialsWhenSet() async throws {
        let transport = ScriptedTransport(HTTPResponse(statusCode: 202), HTTPResponse(statusCode: 202))
        _ = try await client(transport, authentication: Authentication(bearerAuth: "opt")).getStatus(code: 202)
        _ = try await client(transport).getStatus(code: 202)

        let requests = await transport.requests
        XCTAssertEqual(requests[0].headerFields["Authorization"], "Bearer opt")
        XCTAssertNil(requests[1].headerFields["Authorization"])
    }

    // MARK: Servers

    func testServers() throws {
        XCTAssertEqual(Client.Servers.server1, "https://api.example.com/v1")
        XCTAssertEqual(Client.Servers.server2, "https://us.example.com:443/v1")
        XCTAssertEqual(try Client.Servers.server2().absoluteString, "https://us.example.com:443/v1")
        XCTAssertEqual(try Client.Servers.server2(region: "eu", port: "8443", basePath: "v2").absoluteString, "https://eu.example.com:8443/v2")
        XCTAssertThrowsError(try Client.Servers.server2(region: "mars")) { error in
            XCTAssertEqual((error as? URLError)?.code, .badURL)
        }
    }

    func testServerURLWithAndWithoutTrailingSlash() async throws {
        for server in ["https://eu.example.com:8443/v2", "https://eu.example.com:8443/v2/"] {
            let transport = ScriptedTransport(HTTPResponse(statusCode: 204))
            let client = Client(serverURL: try makeURL(server), transport: transport)
            try await client.deletePet(petId: 1)
            let request = try await transport.onlyRequest()
            XCTAssertEqual(request.url.absoluteString, "https://eu.example.com:8443/v2/pets/1")
        }
    }
}

/// Progress reports as a body's handler received them.
private final class ProgressRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [TransferProgress] = []

    func record(_ progress: TransferProgress) {
        lock.lock()
        recorded.append(progress)
        lock.unlock()
    }

    var reports: [TransferProgress] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }
}
