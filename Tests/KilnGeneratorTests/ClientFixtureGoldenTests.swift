import Foundation
import KilnGenerator
import XCTest

/// `Generated/ClientFixture` (run by `ClientRuntimeTests`) must equal what the generator produces from
/// `spec/client-fixture.yaml`, like the Kratos client; and the `parameters` fixture must type-check.
final class ClientFixtureGoldenTests: XCTestCase {
    static let specPath = GoldenFiles.packageRoot.appendingPathComponent("spec/client-fixture.yaml").path
    static let outputDirectory = GoldenFiles.packageRoot.appendingPathComponent("Generated/ClientFixture")

    func testCheckedInClientFixtureEqualsGeneratedClient() throws {
        let generation = try Generation.run(
            specPath: Self.specPath, displayPath: "spec/client-fixture.yaml", options: GeneratorOptions(moduleName: "ClientFixture")
        )
        XCTAssertTrue(generation.diagnostics.isEmpty, "\(generation.diagnostics)")
        try GoldenFiles.assertMatches(generation.files, directory: Self.outputDirectory)
    }

    func testParametersFixture() throws {
        let directory = FixtureTests.fixturesDirectory.appendingPathComponent("parameters")
        let generation = try Generation.run(
            specPath: directory.appendingPathComponent("spec.yaml").path,
            displayPath: "Fixtures/parameters/spec.yaml",
            options: GeneratorOptions(moduleName: "Parameters")
        )
        let expected = directory.appendingPathComponent("Expected")
        try GoldenFiles.assertMatches(generation.files, directory: expected)
        try SwiftCompiler.typeCheck(directory: expected, moduleName: "Parameters")
    }
}
