import Foundation
import KilnGenerator
import XCTest

/// The generated event-stream support code, compiled with a driver (`Fixtures/event-streams/main.swift`)
/// and run: server-sent events by the WHATWG rules (fields, comments, CR/LF/CRLF across chunks, UTF-8
/// split across chunks, byte order mark, an unterminated last event), typed events with a terminator
/// and an undecodable event that does not end the stream, JSON Lines and JSON text sequences.
final class EventStreamParsingTests: XCTestCase {
    static let fixture = FixtureTests.fixturesDirectory.appendingPathComponent("event-streams")

    func testGeneratedParsersFollowTheStandards() throws {
        let generation = try Generation.run(
            specPath: Self.fixture.appendingPathComponent("spec.yaml").path,
            displayPath: "Fixtures/event-streams/spec.yaml",
            options: GeneratorOptions(moduleName: "EventStreams")
        )
        XCTAssertTrue(generation.files.contains { $0.path == "Support/EventStreams.swift" }, "a streaming response brings the support file")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-event-streams-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try OutputWriter(directory: directory.appendingPathComponent("Module").path).write(generation.files)
        try SwiftCompiler.typeCheck(directory: directory.appendingPathComponent("Module"), moduleName: "EventStreams")
        try FileManager.default.copyItem(at: Self.fixture.appendingPathComponent("main.swift"), to: directory.appendingPathComponent("main.swift"))

        let executable = directory.appendingPathComponent("driver").path
        let sources = [directory.appendingPathComponent("main.swift").path] + GoldenFiles.swiftFiles(under: directory.appendingPathComponent("Module"))
            .map { directory.appendingPathComponent("Module").appendingPathComponent($0).path }
        let build = try SwiftCompiler.command(["swiftc", "-wmo", "-swift-version", "6", "-module-name", "EventStreams", "-o", executable] + sources)
        XCTAssertEqual(build.status, 0, build.output)
        XCTAssertFalse(build.output.contains("warning:"), build.output)
        guard build.status == 0 else { return }

        let run = try SwiftCompiler.command([executable])
        XCTAssertEqual(run.status, 0, run.output)
        let expected = try String(contentsOf: Self.fixture.appendingPathComponent("expected.txt"), encoding: .utf8)
        XCTAssertEqual(run.output, expected)
    }

    func testSpecsWithoutStreamsDoNotGetTheSupportFile() throws {
        let kratos = try Generation.run(
            specPath: GoldenFiles.packageRoot.appendingPathComponent("spec/ory-kratos.yaml").path,
            options: GeneratorOptions(moduleName: "OryKratos")
        )
        XCTAssertFalse(kratos.files.contains { $0.path == "Support/EventStreams.swift" })
    }
}
