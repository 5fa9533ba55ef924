import Foundation
import KilnGenerator
import XCTest

/// Small specs, one per feature, with checked-in output that must also type-check as Swift 6.
final class FixtureTests: XCTestCase {
    static let fixturesDirectory = GoldenFiles.packageRoot.appendingPathComponent("Tests/KilnGeneratorTests/Fixtures")

    private func check(_ fixture: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let directory = Self.fixturesDirectory.appendingPathComponent(fixture)
        let moduleName = fixture.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        let generation = try Generation.run(
            specPath: directory.appendingPathComponent("spec.yaml").path,
            displayPath: "Fixtures/\(fixture)/spec.yaml",
            options: GeneratorOptions(moduleName: moduleName)
        )
        let expected = directory.appendingPathComponent("Expected")
        try GoldenFiles.assertMatches(generation.files, directory: expected, file: file, line: line)
        try SwiftCompiler.typeCheck(directory: expected, moduleName: moduleName, file: file, line: line)
    }

    func testUnions() throws { try check("unions") }
    /// `oneOf`s without a discriminator whose members fix a property to distinct strings (see `InferredDiscriminatorTests`).
    func testInferredDiscriminators() throws { try check("inferred-discriminators") }
    func testEnumsAndNames() throws { try check("enums-and-names") }
    func testOperations() throws { try check("operations") }
    func testObjectsAndFormats() throws { try check("objects-and-formats") }
    func testRecursion() throws { try check("recursion") }
    func testNullableAndMaps() throws { try check("nullable-and-maps") }
    /// Schemas named after every type the generated code uses, and nested types that would capture.
    func testNameCollisions() throws { try check("name-collisions") }
    /// A description over 25 files in nested folders (see `MultiFileDocumentTests` for its bundle).
    func testMultiFile() throws { try check("multi-file") }
    /// Schema defaults as initializer defaults; read-only and write-only members (run by `DefaultsAndDirectionsRuntimeTests`).
    func testDefaultsAndDirections() throws { try check("defaults-and-directions") }
}
