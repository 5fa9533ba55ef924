import Foundation
import KilnGenerator
import XCTest

/// A spec full of text that tries to end comments and strings or smuggle declarations in: the
/// output must compile, and none of the declarations the spec spells out may exist.
final class InjectionTests: XCTestCase {
    static let injectedSymbols = [
        "injectedVersion", "injectedDescription", "injectedServer", "injectedServerDescription", "injectedTag",
        "injectedPath", "injectedOperation", "injectedSummary", "injectedQuery", "injectedParameterDocs",
        "injectedEnumValue", "injectedInterpolation", "injectedResponse", "injectedSecurity", "injectedSchemeHeader",
        "InjectedStruct", "injectedRaw", "injectedDefault", "injectedExample", "injectedPropertyName",
        "injectedDiscriminator", "injectedMapping",
    ]

    func testAdversarialSpecCompilesAndInjectsNothing() throws {
        let directory = FixtureTests.fixturesDirectory.appendingPathComponent("adversarial")
        let generation = try Generation.run(
            specPath: directory.appendingPathComponent("spec.yaml").path,
            displayPath: "adversarial\n// \"spec\".yaml",
            options: GeneratorOptions(moduleName: "Adversarial")
        )
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-injection-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try OutputWriter(directory: output.path).write(generation.files)
        try SwiftCompiler.typeCheck(directory: output, moduleName: "Adversarial")

        // Referencing every symbol the spec tries to declare must fail for each one of them.
        let probe = "func probeInjectedSymbols() {\n"
            + Self.injectedSymbols.map { "    _ = \($0)\n" }.joined() + "}\n"
        try probe.write(to: output.appendingPathComponent("Probe.swift"), atomically: true, encoding: .utf8)
        let result = try SwiftCompiler.run(directory: output, moduleName: "Adversarial")
        XCTAssertNotEqual(result.status, 0)
        for symbol in Self.injectedSymbols {
            XCTAssertTrue(result.output.contains("cannot find '\(symbol)' in scope"), "\(symbol) may exist:\n\(result.output)")
        }
        let errorLines = result.output.split(separator: "\n").filter { $0.contains(": error:") }
        XCTAssertTrue(errorLines.allSatisfy { $0.contains("Probe.swift") }, "errors outside the probe:\n\(result.output)")

        let allText = generation.files.map(\.contents).joined()
        XCTAssertFalse(allText.unicodeScalars.contains("\u{202E}"), "a bidi override reached the output")
    }
}
