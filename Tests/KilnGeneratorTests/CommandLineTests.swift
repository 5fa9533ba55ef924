import Foundation
import XCTest

/// Runs the built `kiln` executable the way users do.
final class CommandLineTests: XCTestCase {
    private var workDirectory: URL!

    override func setUpWithError() throws {
        workDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workDirectory)
    }

    /// The `kiln` built beside the test bundle, copied alone into a scratch folder: it must not
    /// need `Templates/` or any resource next to it.
    private func copiedKiln() throws -> URL {
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var built = products.appendingPathComponent("kiln")
        if !FileManager.default.fileExists(atPath: built.path) {
            // XCTest on Linux runs `<products>/KilnPackageTests.xctest`; the argument may be the bundle itself.
            built = products.deletingLastPathComponent().appendingPathComponent("kiln")
        }
        let copy = workDirectory.appendingPathComponent("bin/kiln")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: built, to: copy)
        return copy
    }

    private func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = try copiedKilnOnce()
        process.arguments = arguments
        process.currentDirectoryURL = workDirectory
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }

    private var kilnCopy: URL?

    private func copiedKilnOnce() throws -> URL {
        if let kilnCopy { return kilnCopy }
        let copy = try copiedKiln()
        kilnCopy = copy
        return copy
    }

    private func writeSpec(_ name: String, _ text: String) throws -> String {
        try text.write(to: workDirectory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        return name
    }

    private static let validSpec = """
        openapi: 3.0.3
        info: {title: Tiny, version: "1"}
        paths:
          /ping:
            get:
              operationId: ping
              responses:
                '204': {description: pong}
        """

    func testGeneratesWithEmbeddedTemplatesFromACopiedBinary() throws {
        let spec = try writeSpec("tiny.yaml", Self.validSpec)
        let result = try run(["generate", "--spec", spec, "--output", "Out", "--module-name", "Tiny"])
        XCTAssertEqual(result.status, 0, result.errors)
        let client = try String(contentsOf: workDirectory.appendingPathComponent("Out/Client/Client+Operations.swift"), encoding: .utf8)
        XCTAssertTrue(client.contains("public func ping() async throws {"), client)
        XCTAssertTrue(result.output.contains("written"), result.output)
    }

    /// `--transport` is repeatable, wins over the configuration's `transports`, and a misspelt one is refused.
    func testTransportFlagChoosesTheTransports() throws {
        let spec = try writeSpec("tiny.yaml", Self.validSpec)
        let config = try writeSpec("kiln-config.yaml", "transports: [urlSession]\n")
        let result = try run([
            "generate", "--spec", spec, "--output", "Out", "--module-name", "Tiny", "--config", config,
            "--transport", "asyncHTTPClient", "--transport", "urlSession",
        ])
        XCTAssertEqual(result.status, 0, result.errors)
        let support = workDirectory.appendingPathComponent("Out/Support")
        XCTAssertTrue(FileManager.default.fileExists(atPath: support.appendingPathComponent("AsyncHTTPClientTransport.swift").path))
        let transport = try String(contentsOf: support.appendingPathComponent("HTTPTransport.swift"), encoding: .utf8)
        XCTAssertTrue(transport.contains("struct URLSessionTransport"))

        let misspelt = try run(["generate", "--spec", spec, "--output", "Out2", "--module-name", "Tiny", "--transport", "asyncHttpClient"])
        XCTAssertNotEqual(misspelt.status, 0)
        XCTAssertTrue(
            misspelt.errors.contains("--transport takes urlSession or asyncHTTPClient, not 'asyncHttpClient' (did you mean 'asyncHTTPClient'?)"),
            misspelt.errors
        )
    }

    func testFailedGenerationReportsLocationAndLeavesOutputUntouched() throws {
        let good = try writeSpec("good.yaml", Self.validSpec)
        XCTAssertEqual(try run(["generate", "--spec", good, "--output", "Out", "--module-name", "Tiny"]).status, 0)
        let before = try snapshot(of: "Out")

        let bad = try writeSpec("bad.yaml", """
            openapi: 3.0.3
            info: {title: Tiny, version: "1"}
            paths:
              /ping:
                post:
                  operationId: pong
                  requestBody:
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/Missing'}
                  responses:
                    '200': {description: ok}
            """)
        let result = try run(["generate", "--spec", bad, "--output", "Out", "--module-name", "Tiny"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.errors.contains("bad.yaml:10:"), result.errors)
        XCTAssertTrue(result.errors.contains(": error: "), result.errors)
        XCTAssertTrue(result.errors.contains("#/components/schemas/Missing"), result.errors)
        XCTAssertEqual(try snapshot(of: "Out"), before)
    }

    func testTemplatesDirectoryOverridesBuiltInTemplatesByName() throws {
        let spec = try writeSpec("tiny.yaml", Self.validSpec)
        let templates = workDirectory.appendingPathComponent("MyTemplates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "// House header for {{ specFileName }}\n\nimport Foundation\n".write(
            to: templates.appendingPathComponent("FileHeader.stencil"), atomically: true, encoding: .utf8
        )
        let result = try run(["generate", "--spec", spec, "--output", "Out", "--module-name", "Tiny", "--templates", "MyTemplates"])
        XCTAssertEqual(result.status, 0, result.errors)
        let client = try String(contentsOf: workDirectory.appendingPathComponent("Out/Client/Client.swift"), encoding: .utf8)
        XCTAssertTrue(client.hasPrefix("// House header for tiny.yaml\n"), client)
    }

    func testTemplateErrorsNameTheTemplateLocation() throws {
        let spec = try writeSpec("tiny.yaml", Self.validSpec)
        let templates = workDirectory.appendingPathComponent("Broken")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "// header\n{{ specFileName|nosuchfilter }}\n".write(
            to: templates.appendingPathComponent("FileHeader.stencil"), atomically: true, encoding: .utf8
        )
        let result = try run(["generate", "--spec", spec, "--output", "Out", "--module-name", "Tiny", "--templates", "Broken"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.errors.contains("Broken/FileHeader.stencil:2:"), result.errors)
        XCTAssertTrue(result.errors.contains("nosuchfilter"), result.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: workDirectory.appendingPathComponent("Out").path))
    }

    /// Support and client files render first, models last: a model template that fails leaves
    /// generation midway, and the previous output must still be exactly as it was.
    func testGenerationFailingMidwayLeavesThePreviousOutputIntact() throws {
        let spec = try writeSpec("models.yaml", Self.validSpec + """

            components:
              schemas:
                Pet:
                  type: object
                  properties:
                    name: {type: string}
            """)
        XCTAssertEqual(try run(["generate", "--spec", spec, "--output", "Out", "--module-name", "Tiny"]).status, 0)
        let before = try snapshot(of: "Out")
        XCTAssertTrue(before.keys.contains("Models/Pet.swift"))

        let templates = workDirectory.appendingPathComponent("FailsLate")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "{{ type.noSuchMember }}\n".write(to: templates.appendingPathComponent("Struct.stencil"), atomically: true, encoding: .utf8)
        let result = try run(["generate", "--spec", spec, "--output", "Out", "--module-name", "Tiny", "--templates", "FailsLate"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.errors.contains("FailsLate/Struct.stencil:1:"), result.errors)
        XCTAssertEqual(try snapshot(of: "Out"), before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: workDirectory.path).filter { $0.contains("kiln-") }
        XCTAssertEqual(leftovers, [], "no staging directory is left behind")
    }

    func testBundleWritesOneSelfContainedFileThatGeneratesTheSameSwift() throws {
        let spec = MultiFileDocumentTests.specPath
        for output in ["bundled/spec.yaml", "bundled/spec.json"] {
            try FileManager.default.createDirectory(at: workDirectory.appendingPathComponent("bundled"), withIntermediateDirectories: true)
            let bundled = try run(["bundle", spec, "--output", output])
            XCTAssertEqual(bundled.status, 0, bundled.errors)
            let text = try String(contentsOf: workDirectory.appendingPathComponent(output), encoding: .utf8)
            XCTAssertEqual(MultiFileDocumentTests.nonLocalReferences(in: text), [], output)
            XCTAssertEqual(text.hasPrefix("{"), output.hasSuffix(".json"), "the format follows the extension")
            // Generated files name their spec file in their header, so only the same name can give the same bytes.
            guard output.hasSuffix("spec.yaml") else { continue }
            XCTAssertEqual(try run(["generate", "--spec", spec, "--output", "Original", "--module-name", "M", "--quiet"]).status, 0)
            XCTAssertEqual(try run(["generate", "--spec", output, "--output", "FromBundle", "--module-name", "M", "--quiet"]).status, 0)
            XCTAssertEqual(try snapshot(of: "FromBundle"), try snapshot(of: "Original"), output)
        }
        let missing = try run(["bundle", "nowhere.yaml", "--output", "out.yaml"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.errors.contains("cannot read 'nowhere.yaml'"), missing.errors)
    }

    func testValidateWarnsOnKratosDefectAndFailsOnDanglingReference() throws {
        let kratos = GoldenFiles.packageRoot.appendingPathComponent("spec/ory-kratos.yaml").path
        let ok = try run(["validate", kratos])
        XCTAssertEqual(ok.status, 0, ok.errors)
        XCTAssertTrue(ok.errors.contains("ory-kratos.yaml:"), ok.errors)
        XCTAssertTrue(ok.errors.contains(": warning: security requirement names 'sessionToken'"), ok.errors)

        let bad = try writeSpec("dangling.yaml", """
            openapi: 3.0.3
            info: {title: Bad, version: "1"}
            paths: {}
            components:
              schemas:
                A:
                  $ref: '#/components/schemas/B'
            """)
        let failed = try run(["validate", bad])
        XCTAssertEqual(failed.status, 1)
        XCTAssertTrue(failed.errors.contains("dangling.yaml:7:"), failed.errors)
    }

    func testStrictTurnsWarningsIntoErrorsAndWritesNothing() throws {
        let spec = try writeSpec("typo.yaml", Self.validSpec + "\n      x-ok: true\n      summry: misspelt\n")
        let lenient = try run(["validate", spec])
        XCTAssertEqual(lenient.status, 0, lenient.errors)
        XCTAssertTrue(lenient.errors.contains("typo.yaml:10:7: warning: unknown key 'summry' in an operation (did you mean 'summary'?)"), lenient.errors)

        let strict = try run(["validate", "--strict", spec])
        XCTAssertEqual(strict.status, 1)
        XCTAssertTrue(strict.errors.contains("typo.yaml:10:7: error: unknown key 'summry'"), strict.errors)

        let generated = try run(["generate", "--strict", "--spec", spec, "--output", "Out", "--module-name", "Typo"])
        XCTAssertEqual(generated.status, 1)
        XCTAssertTrue(generated.errors.contains(": error: unknown key 'summry'"), generated.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: workDirectory.appendingPathComponent("Out").path), "--strict writes nothing")

        let clean = try run(["validate", "--strict", try writeSpec("clean.yaml", Self.validSpec)])
        XCTAssertEqual(clean.status, 0, clean.errors)
    }

    private func snapshot(of folder: String) throws -> [String: Data] {
        let directory = workDirectory.appendingPathComponent(folder)
        var contents: [String: Data] = [:]
        for path in GoldenFiles.swiftFiles(under: directory) {
            contents[path] = try Data(contentsOf: directory.appendingPathComponent(path))
        }
        return contents
    }
}
