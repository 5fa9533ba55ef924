import Foundation
import KilnDiagnostics
import KilnIR
import XCTest

/// For each broken spec in `Fixtures/diagnostics`, the exact diagnostics Kiln prints, checked in
/// beside it as `<name>.expected` (re-recorded with KILN_RECORD_GOLDEN=1).
final class DiagnosticsCatalogueTests: XCTestCase {
    static let directory = FixtureTests.fixturesDirectory.appendingPathComponent("diagnostics")

    func testEveryBrokenSpecGetsItsExpectedDiagnostics() throws {
        let specs = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }
            .sorted()
        XCTAssertGreaterThanOrEqual(specs.count, 14)
        for spec in specs {
            let printed = Self.diagnostics(for: spec)
            let expectedURL = Self.directory.appendingPathComponent(spec + ".expected")
            if GoldenFiles.isRecording {
                try printed.write(to: expectedURL, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOf: expectedURL, encoding: .utf8)
            XCTAssertEqual(printed, expected, spec)
            // Every diagnostic of a spec names a place in it.
            for line in printed.split(separator: "\n") where !line.hasPrefix("exit:") {
                XCTAssertTrue(line.hasPrefix("diagnostics/\(spec):"), "\(spec): \(line)")
            }
        }
    }

    /// What `kiln validate` prints, followed by its exit status.
    private static func diagnostics(for spec: String) -> String {
        let path = directory.appendingPathComponent(spec).path
        do {
            let result = try IRLowering.lower(specAt: path, displayPath: "diagnostics/\(spec)", moduleName: "Catalogue")
            return (result.diagnostics.map(\.description) + ["exit: 0"]).joined(separator: "\n") + "\n"
        } catch {
            return (error.diagnostics.map(\.description) + ["exit: 1"]).joined(separator: "\n") + "\n"
        }
    }
}
