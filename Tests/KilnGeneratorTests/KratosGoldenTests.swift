import Foundation
import KilnConfiguration
import KilnDiagnostics
import KilnGenerator
import KilnYAML
import XCTest

/// `Generated/OryKratos` must always equal what the generator produces from `spec/ory-kratos.yaml`
/// with `spec/ory-kratos-config.yaml` today, as `scripts/generate-kratos` runs it.
final class KratosGoldenTests: XCTestCase {
    static let specPath = GoldenFiles.packageRoot.appendingPathComponent("spec/ory-kratos.yaml").path
    /// Link-header pagination, which the spec does not document.
    static let configurationPath = GoldenFiles.packageRoot.appendingPathComponent("spec/ory-kratos-config.yaml").path
    static let outputDirectory = GoldenFiles.packageRoot.appendingPathComponent("Generated/OryKratos")
    /// The test double, generated on its own (`--generate mocks`) into a module that imports `OryKratos`.
    static let mocksDirectory = GoldenFiles.packageRoot.appendingPathComponent("Generated/OryKratosMocks")

    static func options() throws -> GeneratorOptions {
        let configuration = try KilnConfiguration.load(path: configurationPath)
        return configuration.applied(to: GeneratorOptions(moduleName: "OryKratos", parts: [.models, .client, .server]), explicitlySet: [])
    }

    static func generate() throws -> Generation {
        try Generation.run(specPath: specPath, displayPath: "spec/ory-kratos.yaml", options: options())
    }

    func testCheckedInClientEqualsGeneratedClient() throws {
        let generation = try Self.generate()
        try GoldenFiles.assertMatches(generation.files, directory: Self.outputDirectory)
    }

    func testCheckedInMockEqualsGeneratedMock() throws {
        let configuration = try KilnConfiguration.load(path: Self.configurationPath)
        let options = configuration.applied(to: GeneratorOptions(moduleName: "OryKratos", parts: [.mocks]), explicitlySet: [])
        let generation = try Generation.run(specPath: Self.specPath, displayPath: "spec/ory-kratos.yaml", options: options)
        // The mock alone: no support code, models or client, which the module it imports holds.
        XCTAssertEqual(generation.files.map(\.path), ["Mocks/MockClient.swift"])
        try GoldenFiles.assertMatches(generation.files, directory: Self.mocksDirectory)
    }

    func testGenerationIsDeterministic() throws {
        XCTAssertEqual(try Self.generate().files, try Self.generate().files)
    }

    /// The real defect in Kratos v26.2.0: `POST /self-service/settings` names an undefined scheme.
    func testUndefinedSecuritySchemeIsAWarningAtItsLocation() throws {
        let generation = try Self.generate()
        let text = try String(contentsOfFile: Self.specPath, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let lineIndex = try XCTUnwrap(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "- sessionToken: []" })
        let column = lines[lineIndex].distance(from: lines[lineIndex].startIndex, to: try XCTUnwrap(lines[lineIndex].firstIndex(of: "s"))) + 1

        let warnings = generation.diagnostics.filter { $0.message.contains("sessionToken") }
        XCTAssertEqual(warnings.count, 1)
        let warning = try XCTUnwrap(warnings.first)
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertEqual(warning.location, SourceLocation(file: "spec/ory-kratos.yaml", line: lineIndex + 1, column: column))
        XCTAssertTrue(warning.description.hasPrefix("spec/ory-kratos.yaml:\(lineIndex + 1):\(column): warning: "), warning.description)
    }
}
