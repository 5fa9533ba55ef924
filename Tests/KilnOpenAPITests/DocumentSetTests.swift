import Foundation
import KilnDiagnostics
@testable import KilnOpenAPI
import KilnYAML
import XCTest

/// Multi-file descriptions: references between files and deep pointers, merged into one document.
final class DocumentSetTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-docset-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func testTildeAndPercentEscapedPointersToOneTargetMakeOneComponent() throws {
        try write("other.yaml", """
            type: object
            properties:
              a/b: {type: object, properties: {x: {type: string}}}
              c~d: {type: integer}
            """)
        let merged = try mergedRoot(schemas: """
                First: {$ref: 'other.yaml#/properties/a~1b'}
                Second: {$ref: 'other.yaml#/properties/a%2Fb'}
                Third: {$ref: 'other.yaml#/properties/c~0d'}
            """)
        let schemas = try XCTUnwrap(merged["components"]?["schemas"]?.mapping)
        XCTAssertEqual(schemas.keys, ["First", "Second", "Third", "OtherAB", "OtherCD"])
        XCTAssertEqual(schemas["First"]?["$ref"]?.string, "#/components/schemas/OtherAB")
        XCTAssertEqual(schemas["Second"]?["$ref"]?.string, "#/components/schemas/OtherAB")
        XCTAssertEqual(schemas["Third"]?["$ref"]?.string, "#/components/schemas/OtherCD")
    }

    func testAPointerIntoAnOperationParameterIsNamedAfterOperationAndParameter() throws {
        let merged = try mergedRoot(paths: """
              /users:
                get:
                  operationId: listUsers
                  parameters:
                    - {name: limit, in: query, schema: {type: integer, maximum: 50}}
                  responses: {'200': {description: ok}}
                post:
                  operationId: createUsers
                  parameters:
                    - name: max
                      in: query
                      schema: {$ref: '#/paths/~1users/get/parameters/0/schema'}
                  responses: {'200': {description: ok}}
            """)
        XCTAssertEqual(merged["components"]?["schemas"]?.mapping?.keys, ["ListUsersLimit"])
        // The inline schema the pointer names becomes the same component: one type, not two.
        let getSchema = merged["paths"]?["/users"]?["get"]?["parameters"]?.sequence?.first?["schema"]
        XCTAssertEqual(getSchema?["$ref"]?.string, "#/components/schemas/ListUsersLimit")
    }

    func testAComponentFromAnotherFileWhoseNameIsTakenGetsANumber() throws {
        try write("other.yaml", "components: {schemas: {Pet: {type: string}}}\n")
        let merged = try mergedRoot(schemas: """
                Pet: {type: object}
                Tag: {$ref: 'other.yaml#/components/schemas/Pet'}
            """)
        XCTAssertEqual(merged["components"]?["schemas"]?.mapping?.keys, ["Pet", "Tag", "Pet2"])
    }

    func testADescriptionReferenceBecomesItsText() throws {
        try write("docs/text.yaml", "intro: Hello from another file.\n")
        let merged = try mergedRoot(info: "{title: T, version: '1', description: {$ref: 'docs/text.yaml#/intro'}}")
        XCTAssertEqual(merged["info"]?["description"]?.string, "Hello from another file.")
        XCTAssertEqual(merged["info"]?["description"]?.location.file, "docs/text.yaml")
    }

    func testASingleFileWithComponentReferencesIsLeftAsWritten() throws {
        let text = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                A: {$ref: '#/components/schemas/B'}
                B: {type: string}
            """
        try write("spec.yaml", text)
        let set = try DocumentSet(path: directory.appendingPathComponent("spec.yaml").path, displayPath: "spec.yaml")
        XCTAssertEqual(DocumentMerger.merge(set).root, try YAMLParser.parse(text, file: "spec.yaml").root)
    }

    func testASyntaxErrorInAReferencedFileIsReportedOnceInThatFile() throws {
        try write("broken.yaml", "type: [object\n")
        try write("folder/keep.txt", "")
        try write("spec.yaml", """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                A: {$ref: broken.yaml}
                B: {$ref: 'broken.yaml#/properties'}
                C: {$ref: folder}
            """)
        do {
            _ = try OpenAPILoader.load(path: directory.appendingPathComponent("spec.yaml").path, displayPath: "spec.yaml")
            XCTFail("a broken referenced file loaded")
        } catch {
            let messages = error.diagnostics.map(\.description)
            XCTAssertEqual(messages.filter { $0.hasPrefix("broken.yaml:") }.count, 1, "\(messages)")
            XCTAssertTrue(messages.contains("spec.yaml:8:15: error: referenced file 'folder' is a directory ('folder')"), "\(messages)")
        }
    }

    func testAPropertyNamedDescriptionIsASchemaNotText() throws {
        try write("text.yaml", "type: string\n")
        let merged = try mergedRoot(schemas: """
                Item:
                  type: object
                  properties:
                    description: {$ref: text.yaml}
                    sample: {type: object, example: {$ref: not-a-file.yaml}}
            """)
        let property = merged["components"]?["schemas"]?["Item"]?["properties"]?["description"]
        XCTAssertEqual(property?["$ref"]?.string, "#/components/schemas/Text")
    }

    func testAReferenceToTheWholeRootDocumentIsAnError() throws {
        try write("other.yaml", "type: object\nproperties: {back: {$ref: 'spec.yaml'}}\n")
        try write("spec.yaml", """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Other: {$ref: other.yaml}
            """)
        XCTAssertThrowsError(try OpenAPILoader.load(path: directory.appendingPathComponent("spec.yaml").path, displayPath: "spec.yaml")) {
            let diagnostics = ($0 as? DiagnosticError)?.diagnostics.map(\.description)
            XCTAssertEqual(diagnostics, ["other.yaml:2:27: error: reference 'spec.yaml' points to the whole description, not to one object in it"])
        }
    }

    func testAComponentOfTheWrongKindInAnotherFileIsAnError() throws {
        try write("other.yaml", "components: {parameters: {limit: {name: limit, in: query}}}\n")
        try write("spec.yaml", """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Limit: {$ref: 'other.yaml#/components/parameters/limit'}
            """)
        XCTAssertThrowsError(try OpenAPILoader.load(path: directory.appendingPathComponent("spec.yaml").path, displayPath: "spec.yaml")) {
            XCTAssertEqual(($0 as? DiagnosticError)?.diagnostics.map(\.description), [
                "spec.yaml:6:19: error: reference 'other.yaml#/components/parameters/limit' points to a parameter where a schema is expected",
            ])
        }
    }

    func testReferenceTextSplitsDocumentAndFragment() {
        XCTAssertEqual(ReferenceText("schemas/pet.yaml#/properties/a").document, "schemas/pet.yaml")
        XCTAssertEqual(ReferenceText("schemas/pet.yaml#/properties/a").pointerTokens, ["properties", "a"])
        XCTAssertEqual(ReferenceText("my%20file.json").document, "my file.json")
        XCTAssertEqual(ReferenceText("other.yaml").pointerTokens, [])
        XCTAssertEqual(ReferenceText("#Child").anchorName, "Child")
        XCTAssertTrue(ReferenceText("https://example.com/a.yaml#/x").isAbsoluteURI)
        XCTAssertTrue(ReferenceText("urn:example:pet").isAbsoluteURI)
        XCTAssertFalse(ReferenceText("C:/specs/pet.yaml").isAbsoluteURI, "a drive letter is not a scheme")
        XCTAssertFalse(ReferenceText("pets.yaml").isAbsoluteURI)
    }

    // MARK: - Helpers

    private func write(_ name: String, _ text: String) throws {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// The merged root of a 3.1 `spec.yaml` with these parts, which must merge and decode without errors.
    private func mergedRoot(
        info: String = "{title: T, version: '1'}", paths: String = "  {}", schemas: String? = nil
    ) throws -> YAMLNode {
        var text = "openapi: 3.1.0\ninfo: \(info)\npaths:\n\(paths)\n"
        if let schemas { text += "components:\n  schemas:\n\(schemas)\n" }
        if paths.hasPrefix("  {}") { text = text.replacingOccurrences(of: "paths:\n  {}", with: "paths: {}") }
        try write("spec.yaml", text)
        let path = directory.appendingPathComponent("spec.yaml").path
        let set = try DocumentSet(path: path, displayPath: "spec.yaml")
        let (root, log) = DocumentMerger.merge(set)
        XCTAssertFalse(log.hasErrors, "\(log.diagnostics)")
        _ = try OpenAPILoader.load(path: path, displayPath: "spec.yaml")
        return root
    }
}
