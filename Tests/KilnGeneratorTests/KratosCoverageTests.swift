import Foundation
import KilnYAML
import XCTest

/// Every operation and every component schema of the Kratos spec is in the checked-in client.
/// The expected lists are read from the spec itself, not written down here.
final class KratosCoverageTests: XCTestCase {
    private static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    private func specRoot() throws -> YAMLNode {
        try YAMLParser.parse(contentsOfFile: KratosGoldenTests.specPath).root
    }

    /// The Swift files under `folder`, but `excluding` (file names).
    private func generatedText(under folder: String, excluding: Set<String> = []) throws -> String {
        let directory = KratosGoldenTests.outputDirectory.appendingPathComponent(folder)
        return try GoldenFiles.swiftFiles(under: directory)
            .filter { !excluding.contains(($0 as NSString).lastPathComponent) }
            .map { try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8) }
            .joined(separator: "\n")
    }

    func testEveryOperationIdHasAMethod() throws {
        let paths = try XCTUnwrap(try specRoot()["paths"]?.mapping)
        var operationIds: [String] = []
        for entry in paths.entries {
            for operation in entry.value.mapping?.entries ?? [] where Self.methods.contains(operation.key.scalar?.value ?? "") {
                operationIds.append(try XCTUnwrap(operation.value["operationId"]?.string))
            }
        }
        XCTAssertEqual(operationIds.count, 56)

        // The protocol repeats every method as a requirement, and defaulted ones again in an extension.
        let client = try generatedText(under: "Client", excluding: ["ClientProtocol.swift"])
        for operationId in operationIds {
            // Each method's doc comment names its operationId; the next declaration is the method.
            let marker = "(operationId `\(operationId)`)\n"
            guard let range = client.range(of: marker) else {
                XCTFail("no method for operationId \(operationId)")
                continue
            }
            let following = client[range.upperBound...]
            let declaration = following.range(of: "func ").map { following[$0.lowerBound...].prefix(200) } ?? ""
            XCTAssertTrue(declaration.hasPrefix("func \(operationId)("), "operationId \(operationId): \(declaration)")
        }
        // Each operation has its convenience method, `…Response` and `…Raw`; list operations also `…Pages`.
        for operationId in operationIds {
            XCTAssertTrue(client.contains("\n    public func \(operationId)Response("), "no \(operationId)Response")
            XCTAssertTrue(client.contains("\n    public func \(operationId)Raw("), "no \(operationId)Raw")
        }
        let methodCount = client.components(separatedBy: "\n    public func ").count - 1
        let pagesCount = client.components(separatedBy: "Pages(").count - 1
        XCTAssertEqual(methodCount, operationIds.count * 3 + pagesCount)
    }

    func testEveryComponentSchemaHasAType() throws {
        let schemas = try XCTUnwrap(try specRoot()["components"]?["schemas"]?.mapping)
        XCTAssertEqual(schemas.count, 158)

        let modelsDirectory = KratosGoldenTests.outputDirectory.appendingPathComponent("Models")
        var declaredPointers: Set<String> = []
        for path in GoldenFiles.swiftFiles(under: modelsDirectory) {
            let text = try String(contentsOf: modelsDirectory.appendingPathComponent(path), encoding: .utf8)
            // Each model file names its schema on the line before the declaration's doc comment.
            for line in text.split(separator: "\n") where line.hasPrefix("// #/components/schemas/") {
                declaredPointers.insert(String(line.dropFirst(3)))
                XCTAssertTrue(
                    text.contains("public struct ") || text.contains("public enum ") || text.contains("public typealias "),
                    "\(path) declares no type"
                )
            }
        }
        for name in schemas.keys {
            XCTAssertTrue(declaredPointers.contains("#/components/schemas/\(name)"), "no type for schema \(name)")
        }
    }
}
