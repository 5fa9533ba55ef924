import Foundation
import XCTest

/// Two `kiln` runs in different environments (locale, time zone, hashing seed) write identical bytes.
final class DeterminismTests: XCTestCase {
    func testOutputDoesNotDependOnTheEnvironment() throws {
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var kiln = products.appendingPathComponent("kiln")
        if !FileManager.default.fileExists(atPath: kiln.path) {
            kiln = products.deletingLastPathComponent().appendingPathComponent("kiln")
        }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-determinism-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }

        let environments: [[String: String]] = [
            ["LANG": "C", "LC_ALL": "C", "TZ": "UTC", "SWIFT_DETERMINISTIC_HASHING": "1"],
            ["LANG": "tr_TR.UTF-8", "LC_ALL": "tr_TR.UTF-8", "TZ": "Pacific/Kiritimati"],
        ]
        var outputs: [[String: Data]] = []
        for (index, environment) in environments.enumerated() {
            let output = root.appendingPathComponent("run\(index)")
            let process = Process()
            process.executableURL = kiln
            process.arguments = [
                "generate", "--spec", KratosGoldenTests.specPath, "--config", KratosGoldenTests.configurationPath,
                "--output", output.path, "--module-name", "OryKratos", "--quiet",
            ]
            process.environment = environment.merging(["PATH": "/usr/bin:/bin"]) { $1 }
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0)
            var files: [String: Data] = [:]
            for path in GoldenFiles.swiftFiles(under: output) {
                files[path] = try Data(contentsOf: output.appendingPathComponent(path))
            }
            outputs.append(files)
        }
        XCTAssertGreaterThan(outputs[0].count, 150)
        XCTAssertEqual(outputs[0], outputs[1])
    }
}
