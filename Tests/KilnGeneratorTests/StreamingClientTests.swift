import Foundation
import KilnGenerator
import KilnIR
import XCTest

/// The generated client of the `event-streams` fixture (with `eventStreams.terminator: "[DONE]"`),
/// compiled with a driver (`Fixtures/event-streams/loopback/main.swift`) and run against a real
/// loopback server (`loopback/server.py`) through `URLSessionTransport` and a middleware:
///
/// - the first event reaches the caller while the server holds back the rest until the driver,
///   having read it, releases them (the server answers `late` if it had given up waiting);
/// - cancelling the task that reads a stream makes the server's writes fail: the connection closed;
/// - an error status is read whole and thrown as `OperationError` with the documented case;
/// - JSON Lines records and untyped events stream the same way;
/// - one response in two media types: each method asks for its own, the `Content-Type` picks the case;
/// - multipart parts labelled as the spec's `encoding` says, files named, arrays as repeated parts;
/// - binary bodies stream both ways: a GiB downloaded to a file and a GiB uploaded from one (with
///   progress), a body made by a sequence, bytes from memory, while the driver's peak resident
///   memory stays under 100 MB;
/// - a call cancelled before the status arrives throws `CancellationError`;
/// - a file and a sequence of chunks upload whole through the transport (the server answers their
///   size and digest).
///
/// scripts/test-examples runs the same driver and expects the same output through
/// `AsyncHTTPClientTransport` too (its second argument names the transport).
final class StreamingClientTests: XCTestCase {
    static let fixture = EventStreamParsingTests.fixture
    static let loopback = fixture.appendingPathComponent("loopback")

    func testGeneratedClientStreamsOverLoopback() throws {
        let generation = try Generation.run(
            specPath: Self.fixture.appendingPathComponent("spec.yaml").path,
            displayPath: "Fixtures/event-streams/spec.yaml",
            options: GeneratorOptions(moduleName: "EventStreams", lowering: LoweringOptions(eventStreamTerminator: "[DONE]"))
        )
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-streaming-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let module = directory.appendingPathComponent("Module")
        _ = try OutputWriter(directory: module.path).write(generation.files)

        let executable = directory.appendingPathComponent("driver").path
        let sources = [Self.loopback.appendingPathComponent("main.swift").path]
            + GoldenFiles.swiftFiles(under: module).map { module.appendingPathComponent($0).path }
        let build = try SwiftCompiler.command(["swiftc", "-wmo", "-swift-version", "6", "-module-name", "EventStreams", "-o", executable] + sources)
        XCTAssertEqual(build.status, 0, build.output)
        XCTAssertFalse(build.output.contains("warning:"), build.output)
        guard build.status == 0 else { return }

        let server = try LoopbackServer(script: Self.loopback.appendingPathComponent("server.py"))
        defer { server.stop() }
        let run = try SwiftCompiler.command(["timeout", "60", executable, String(server.port)])
        XCTAssertEqual(run.status, 0, run.output)
        let expected = try String(contentsOf: Self.loopback.appendingPathComponent("expected.txt"), encoding: .utf8)
        let (output, peak) = Self.separatingPeakMemory(run.output)
        print("StreamingClientTests: \(peak ?? "no peak memory printed")")
        XCTAssertEqual(output, expected)
    }

    /// The output without the line giving the driver's peak memory, and that line: the figure
    /// changes from run to run, and `expected.txt` checks only that it is under 100 MB.
    static func separatingPeakMemory(_ output: String) -> (output: String, peak: String?) {
        var lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = lines.firstIndex { $0.hasPrefix("peak resident memory:") }
        let peak = index.map { lines.remove(at: $0) }
        return (lines.joined(separator: "\n"), peak)
    }
}

extension StreamingClientTests {
    /// The same operations served: the generated server reads binary request bodies and writes
    /// streamed responses (bytes, events, records) from the body they carry, in both language modes.
    func testServerSideOfStreamingOperationsCompiles() throws {
        let generation = try Generation.run(
            specPath: Self.fixture.appendingPathComponent("spec.yaml").path,
            displayPath: "Fixtures/event-streams/spec.yaml",
            options: GeneratorOptions(moduleName: "EventStreams", parts: [.models, .client, .server])
        )
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-streaming-server-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try OutputWriter(directory: directory.path).write(generation.files)
        try SwiftCompiler.typeCheck(directory: directory, moduleName: "EventStreams")
    }
}

/// `server.py` in a child process: it prints its port first and serves until its stdin closes.
private final class LoopbackServer {
    let port: Int
    private let process = Process()
    private let input = Pipe()

    init(script: URL) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path]
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line.append(byte)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "server.py printed no port"])
        }
        self.port = port
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
