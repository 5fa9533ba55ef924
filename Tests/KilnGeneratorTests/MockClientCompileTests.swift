import Foundation
import KilnConfiguration
import KilnGenerator
import XCTest

/// `ClientProtocol` and `MockClient` as a user builds them: the client compiled as a module of its
/// own, the mock and app code in another that imports it, then run. In Swift 6 mode with `internal`
/// declarations (the mock's `@testable import`), and in Swift 5 mode with `public` ones; neither may warn.
final class MockClientCompileTests: XCTestCase {
    static let spec = """
        openapi: 3.0.3
        info: { title: Mocked, version: "1" }
        paths:
          /identities:
            get:
              operationId: listIdentities
              parameters:
                - { name: page_token, in: query, schema: { type: string } }
                - { name: in, in: query, schema: { type: string } }
              responses:
                "200":
                  description: A page of identities.
                  content:
                    application/json:
                      schema: { type: array, items: { $ref: "#/components/schemas/Identity" } }
          /identities/{id}:
            get:
              operationId: getIdentity
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
                - { name: request, in: query, schema: { type: integer } }
              responses:
                "200":
                  description: The identity.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Identity" }
            delete:
              operationId: deleteIdentity
              deprecated: true
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                "204": { description: Deleted. }
        components:
          schemas:
            Identity:
              type: object
              required: [id]
              properties:
                id: { type: string }
            GetIdentityCall:
              description: A model named like the mock's call record, which the mock must not confuse with it.
              type: object
              properties:
                note: { type: string }
        """

    /// `listIdentities` gets `listIdentitiesPages`.
    static let configuration = """
        pagination:
          style: link
          cursorParameter: page_token
        """

    /// App code against the protocol, driven by the mock.
    static let main = """
        func name(of id: String, api: some ClientProtocol) async throws -> String {
            try await api.getIdentity(id: id).id
        }

        let mock = MockClient()
        mock.getIdentityHandler = { call in Identity(id: "got " + call.id + " \\(call.request ?? 0)") }
        print(try await name(of: "a", api: mock))
        _ = try await mock.getIdentity(id: "b", request: 7)
        do {
            _ = try await mock.getIdentityRaw(id: "c")
        } catch let error as MockClientError {
            print(error)
        }
        print(mock.getIdentityCalls.map { "call(\\($0.id), \\($0.request ?? 0))" })
        mock.listIdentitiesPagesHandler = { call in PageSequence(pages: [[Identity(id: call.in ?? "none")]]) }
        for try await identity in mock.listIdentitiesPages(in: "x").items { print(identity.id) }
        print(mock.listIdentitiesCalls.count)
        """

    static let expectedOutput = """
        got a 0
        MockClient.getIdentityRaw(id:request:) was called but getIdentityRawHandler is not set
        ["call(a, 0)", "call(b, 7)", "call(c, 0)"]
        x
        1

        """

    func testInternalMockInSwift6() throws {
        try buildAndRun(access: "internal", languageMode: "6")
    }

    func testPublicMockInSwift5() throws {
        try buildAndRun(access: "public", languageMode: "5")
    }

    private func buildAndRun(access: String, languageMode: String) throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-mock-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let specURL = work.appendingPathComponent("spec.yaml")
        try Self.spec.write(to: specURL, atomically: true, encoding: .utf8)
        let configurationURL = work.appendingPathComponent("kiln-config.yaml")
        try Self.configuration.write(to: configurationURL, atomically: true, encoding: .utf8)

        func generate(_ parts: Set<GeneratorOptions.Part>, into folder: String) throws -> [String] {
            let options = try KilnConfiguration.load(path: configurationURL.path).applied(
                to: GeneratorOptions(moduleName: "Mocked", accessModifier: access, parts: parts), explicitlySet: []
            )
            let generation = try Generation.run(specPath: specURL.path, displayPath: "spec.yaml", options: options)
            let directory = work.appendingPathComponent(folder)
            var paths: [String] = []
            for file in generation.files where file.path.hasSuffix(".swift") {
                let url = directory.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.contents.write(to: url, atomically: true, encoding: .utf8)
                paths.append(url.path)
            }
            return paths
        }
        let clientSources = try generate([.models, .client], into: "Client")
        let mockSources = try generate([.mocks], into: "Mocks")
        XCTAssertEqual(mockSources.map { URL(fileURLWithPath: $0).lastPathComponent }, ["MockClient.swift"])

        let modules = work.appendingPathComponent("modules")
        try FileManager.default.createDirectory(at: modules, withIntermediateDirectories: true)
        let library = try SwiftCompiler.command(
            ["swiftc", "-wmo", "-swift-version", languageMode, "-parse-as-library", "-enable-testing", "-module-name", "Mocked",
             "-emit-library", "-static", "-emit-module", "-emit-module-path", modules.appendingPathComponent("Mocked.swiftmodule").path,
             "-o", modules.appendingPathComponent("libMocked.a").path] + clientSources
        )
        XCTAssertEqual(library.status, 0, library.output)
        XCTAssertFalse(library.output.contains("warning:"), library.output)

        let mainURL = work.appendingPathComponent("main.swift")
        let testable = access == "internal" ? "@testable " : ""
        try ("import Foundation\n\(testable)import Mocked\n\n" + Self.main).write(to: mainURL, atomically: true, encoding: .utf8)
        let executable = work.appendingPathComponent("app")
        let app = try SwiftCompiler.command(
            ["swiftc", "-wmo", "-swift-version", languageMode, "-module-name", "App", "-I", modules.path, "-L", modules.path, "-lMocked",
             "-o", executable.path, mainURL.path] + mockSources
        )
        XCTAssertEqual(app.status, 0, app.output)
        XCTAssertFalse(app.output.contains("warning:"), app.output)

        let run = try SwiftCompiler.command([executable.path])
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertEqual(run.output, Self.expectedOutput)
    }
}
