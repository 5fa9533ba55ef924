import Foundation
import KilnGenerator
import XCTest

/// The worked override of `Templates/README.md` ("a header on every request"): a copy of the one
/// built-in partial that builds requests, `RequestStatements.stencil`, with one statement added,
/// makes every generated call send `X-Operation-Id: <operationId>`. The generated client is
/// compiled and run against an in-memory transport to see the header arrive.
final class RequestOverrideTests: XCTestCase {
    static let spec = """
        openapi: 3.0.3
        info: { title: Override, version: "1" }
        paths:
          /identities:
            get:
              operationId: listIdentities
              responses:
                "200":
                  description: Every identity.
                  content:
                    application/json:
                      schema: { type: array, items: { $ref: "#/components/schemas/Identity" } }
            post:
              operationId: createIdentity
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: "#/components/schemas/Identity" }
              responses:
                "201":
                  description: Created.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Identity" }
          /identities/{id}:
            get:
              operationId: getIdentity
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                "200":
                  description: The identity.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Identity" }
        components:
          schemas:
            Identity:
              type: object
              required: [id]
              properties:
                id: { type: string }
        """

    /// The statement the override adds, as the template writes it.
    static let addedLine = #"request.setHeaderField("X-Operation-Id", {{ request.operationId|swiftString }})"#

    /// Calls each operation through a transport that answers every request and prints the header.
    static let main = """
        import Foundation

        struct EchoTransport: HTTPTransport {
            func send(_ request: HTTPRequest) async throws -> HTTPResponse {
                let path = request.url.path
                print("\\(request.method) \\(path) X-Operation-Id: \\(request.headerFields["X-Operation-Id"] ?? "none")")
                let body = path.hasSuffix("/identities") && request.method == "GET" ? #"[{"id":"a"}]"# : #"{"id":"a"}"#
                return HTTPResponse(statusCode: request.method == "POST" ? 201 : 200, body: Data(body.utf8))
            }
        }

        let client = Client(serverURL: URL(string: "https://example.com")!, transport: EchoTransport())
        _ = try await client.listIdentities()
        _ = try await client.createIdentity(body: Identity(id: "a"))
        _ = try await client.getIdentity(id: "a")
        """

    func testAddedHeaderLineReachesEveryRequest() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-override-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let templates = work.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Self.overriddenPartial().write(to: templates.appendingPathComponent("RequestStatements.stencil"), atomically: true, encoding: .utf8)
        let specURL = work.appendingPathComponent("spec.yaml")
        try Self.spec.write(to: specURL, atomically: true, encoding: .utf8)

        let generation = try Generation.run(
            specPath: specURL.path, displayPath: "spec.yaml",
            options: GeneratorOptions(moduleName: "Override", templatesDirectory: templates.path)
        )
        let operations = try XCTUnwrap(generation.files.first { $0.path == "Client/Client+Operations.swift" })
        for operationId in ["listIdentities", "createIdentity", "getIdentity"] {
            XCTAssertTrue(
                operations.contents.contains(#"request.setHeaderField("X-Operation-Id", "\#(operationId)")"#), operations.contents
            )
        }

        let sources = work.appendingPathComponent("Sources")
        for file in generation.files where file.path.hasSuffix(".swift") {
            let url = sources.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.contents.write(to: url, atomically: true, encoding: .utf8)
        }
        try Self.main.write(to: sources.appendingPathComponent("main.swift"), atomically: true, encoding: .utf8)
        let executable = work.appendingPathComponent("override")
        let paths = GoldenFiles.swiftFiles(under: sources).map { sources.appendingPathComponent($0).path }
        let compile = try SwiftCompiler.command(
            ["swiftc", "-wmo", "-swift-version", "6", "-module-name", "Override", "-o", executable.path] + paths
        )
        XCTAssertEqual(compile.status, 0, compile.output)
        XCTAssertFalse(compile.output.contains("warning:"), compile.output)

        let run = try SwiftCompiler.command([executable.path])
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertEqual(run.output, """
            GET /identities X-Operation-Id: listIdentities
            POST /identities X-Operation-Id: createIdentity
            GET /identities/a X-Operation-Id: getIdentity

            """)
    }

    /// The built-in partial with the header statement before the request is sent. Since every
    /// request is now changed, `request` is always a `var`.
    static func overriddenPartial() throws -> String {
        let builtIn = try XCTUnwrap(ClientGenerator.builtInTemplate(named: "RequestStatements.stencil"))
        let sendLine = "return try await send("
        XCTAssertTrue(builtIn.contains(sendLine))
        let mutability = "{% if request.isModified %}var{% else %}let{% endif %}"
        XCTAssertTrue(builtIn.contains(mutability))
        return builtIn
            .replacingOccurrences(of: mutability, with: "var")
            .replacingOccurrences(of: sendLine, with: addedLine + "\n" + sendLine)
    }
}
