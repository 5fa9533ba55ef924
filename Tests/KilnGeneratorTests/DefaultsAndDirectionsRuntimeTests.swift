import Foundation
import KilnGenerator
import XCTest

/// Issue #14's "semantics kept", run rather than read: the `defaults-and-directions` fixture is
/// generated with its server, compiled, and driven through a wire that prints every body. Its
/// initializer takes the schema defaults; the client's request leaves out read-only members (in
/// JSON, form and multipart bodies, nested objects too); the server's response leaves out
/// write-only members, and the client decodes that response.
final class DefaultsAndDirectionsRuntimeTests: XCTestCase {
    /// A handler that fills in what the server owns and echoes the rest, write-only members included:
    /// the encoder, not the handler, keeps them out of the response.
    static let main = #"""
        import Foundation

        struct Handler: APIHandler {
            func createAccount(_ input: Operations.CreateAccount.Input) async throws -> Operations.CreateAccount.Response {
                var account = input.body
                account.id = "acc_1"
                account.limits?.usedSeats = 3
                return .created(account)
            }

            func signIn(_ input: Operations.SignIn.Input) async throws -> Operations.SignIn.Response {
                var credentials = input.body
                credentials.sessionId = "sess_1"
                return .ok(credentials)
            }

            func uploadAvatar(_ input: Operations.UploadAvatar.Input) async throws -> Operations.UploadAvatar.Response {
                .noContent
            }
        }

        /// The client's transport: prints each body as it crosses, then hands the request to the server
        /// (multipart bodies, which the router does not read yet, are answered here).
        struct Wire: HTTPTransport {
            let server = InProcessTransport(router: Router(handler: Handler()))

            func send(_ request: HTTPRequest) async throws -> HTTPResponse {
                print("request \(request.url.path): \(Self.text(request.body ?? Data()))")
                if request.headerFields["Content-Type"]?.hasPrefix("multipart/") == true { return HTTPResponse(statusCode: 204) }
                let response = try await server.send(request)
                print("response \(response.statusCode): \(Self.text(response.body))")
                return response
            }

            /// Multipart bodies by their parts' names (the boundary is random); others as they are.
            static func text(_ body: Data) -> String {
                let text = String(decoding: body, as: UTF8.self)
                guard text.hasPrefix("--") else { return text }
                return text.components(separatedBy: "\r\n").filter { $0.hasPrefix("Content-Disposition") }.joined(separator: " | ")
            }
        }

        func json(_ value: some Encodable) throws -> String {
            String(decoding: try JSONCoding.makeEncoder().encode(value), as: UTF8.self)
        }

        print("defaults: \(try json(Account(name: "Ada")))")
        print("nested defaults: \(try json(Limits())) \(try json(Member(email: "b@example.com"))) \(try json(Paging()))")

        let client = Client(serverURL: URL(string: "https://example.com")!, transport: Wire())
        let account = Account(
            id: "set-by-client", name: "Ada", plan: .team, password: "hunter2", greeting: nil, tags: nil,
            limits: Limits(maxSeats: 5, usedSeats: 9), members: [Member(email: "b@example.com", invitationToken: "tok")]
        )
        let stored = try await client.createAccount(body: account)
        print("client read: id \(stored.id ?? "nil"), password \(stored.password ?? "nil"), usedSeats \(stored.limits?.usedSeats ?? -1)")

        let credentials = Credentials(username: "ada", secret: "s3cret", sessionId: "set-by-client")
        let session = try await client.signIn(body: credentials)
        print("client read: sessionId \(session.sessionId ?? "nil"), secret \(session.secret ?? "nil")")
        try await client.uploadAvatar(body: credentials)

        // Encoded with no direction (as a value saved by the app), every member is kept.
        print("undirected: \(try json(Credentials(username: "ada", secret: "s3cret", sessionId: "sess_1")))")
        """#

    func testDefaultsInitializeAndEachDirectionLeavesOutItsMembers() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-directions-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let spec = FixtureTests.fixturesDirectory.appendingPathComponent("defaults-and-directions/spec.yaml")
        let generation = try Generation.run(
            specPath: spec.path, displayPath: "spec.yaml",
            options: GeneratorOptions(moduleName: "DefaultsAndDirections", parts: [.models, .client, .server])
        )
        let sources = work.appendingPathComponent("Sources")
        for file in generation.files where file.path.hasSuffix(".swift") {
            let url = sources.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.contents.write(to: url, atomically: true, encoding: .utf8)
        }
        try Self.main.write(to: sources.appendingPathComponent("main.swift"), atomically: true, encoding: .utf8)
        let executable = work.appendingPathComponent("directions")
        let paths = GoldenFiles.swiftFiles(under: sources).map { sources.appendingPathComponent($0).path }
        let compile = try SwiftCompiler.command(
            ["swiftc", "-wmo", "-swift-version", "6", "-module-name", "DefaultsAndDirections", "-o", executable.path] + paths
        )
        XCTAssertEqual(compile.status, 0, compile.output)
        XCTAssertFalse(compile.output.contains("warning:"), compile.output)

        let run = try SwiftCompiler.command([executable.path])
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertEqual(run.output, Self.expectedOutput)
    }

    /// Read-only `id`, `usedSeats` and `sessionId` are absent from every request body; write-only
    /// `password`, `invitationToken` and `secret` from every response body, which still decodes.
    static let expectedOutput = #"""
        defaults: {"greeting":"Say \"hi\" \\ to\nthe team\té\u0001","legacyQuota":5,"name":"Ada","notify":false,"pageSize":250,"plan":"free","ratio":0.75,"tags":[],"theme":"self"}
        nested defaults: {"maxSeats":10} {"email":"b@example.com","role":"member"} {"order":"descending","pageSize":100}
        request /accounts: {"legacyQuota":5,"limits":{"maxSeats":5},"members":[{"email":"b@example.com","invitationToken":"tok","role":"member"}],"name":"Ada","notify":false,"pageSize":250,"password":"hunter2","plan":"team","ratio":0.75,"theme":"self"}
        response 201: {"id":"acc_1","legacyQuota":5,"limits":{"maxSeats":5,"usedSeats":3},"members":[{"email":"b@example.com","role":"member"}],"name":"Ada","notify":false,"pageSize":250,"plan":"team","ratio":0.75,"theme":"self"}
        client read: id acc_1, password nil, usedSeats 3
        request /sessions: username=ada&secret=s3cret&remember=true
        response 200: {"remember":true,"sessionId":"sess_1","username":"ada"}
        client read: sessionId sess_1, secret nil
        request /avatars: Content-Disposition: form-data; name="username" | Content-Disposition: form-data; name="secret" | Content-Disposition: form-data; name="remember"
        undirected: {"remember":true,"secret":"s3cret","sessionId":"sess_1","username":"ada"}

        """#
}
