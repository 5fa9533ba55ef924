import Foundation
import KilnDiagnostics
@testable import KilnOpenAPI
import KilnYAML
import XCTest

/// The real-world documents in `Tests/Specs` all decode, with the shapes their authors wrote.
final class SpecCorpusTests: XCTestCase {
    private let kratos = "ory-kratos-v26.2.0.yaml"

    func testEveryCorpusSpecDecodes() throws {
        let names = SpecCorpus.all
        XCTAssertGreaterThanOrEqual(names.count, 17, "specs missing from \(SpecCorpus.directory.path)")
        for name in names {
            let decoded = try SpecCorpus.decode(name)
            XCTAssertFalse(decoded.document.info.title.isEmpty, name)
            // A webhooks-only description (Adyen's notifications) has no paths.
            let root = try YAMLParser.parse(contentsOfFile: SpecCorpus.path(name), displayPath: name).root.mapping
            XCTAssertTrue(!decoded.document.paths.isEmpty || root?["webhooks"] != nil, name)
            XCTAssertTrue(decoded.document.version.hasPrefix("3."), name)
            XCTAssertEqual(decoded.document.file, name)
            let messages = decoded.warnings.map { "\($0.location?.line ?? 0): \($0.message)" }
            XCTAssertEqual(messages, Self.expectedWarnings[name] ?? [], name)
        }
    }

    /// What the corpus really has that Kiln warns about: parts not generated, and Asana's `required`
    /// lists naming properties its schemas do not declare. Every other spec decodes without a word.
    static let expectedWarnings: [String: [String]] = [
        "oai-callback-example.yaml": ["39: callbacks are not generated: Kiln generates no types for callback requests (1 in this document)"],
        "oai-link-example.yaml": [
            "24: links are not generated: Kiln generates no follow-up calls for links (8 in this document, this is the first)",
        ],
        "real/adyen-BalancePlatformTransferNotification-v4.json": [
            "20: webhooks are not generated: Kiln generates no handler types for webhooks (2 in this document, this is the first)",
        ],
        "real/asana.yaml": [
            "9826: 'required' names 'name', which is not among the schema's properties",
            "10333: 'required' names 'name', which is not among the schema's properties",
            "10334: 'required' names 'description', which is not among the schema's properties",
            "10335: 'required' names 'base_role_type', which is not among the schema's properties",
        ],
    ]

    func testKratosHasTheDocumentedShape() throws {
        let document = try SpecCorpus.decode(kratos).document
        XCTAssertEqual(document.version, "3.0.3")
        XCTAssertFalse(document.isVersion31)
        XCTAssertEqual(document.paths.count, 48)
        XCTAssertEqual(document.paths.values.reduce(0) { $0 + $1.operations.count }, 56)
        XCTAssertEqual(document.components.schemas.count, 158)
    }

    func testKratosDiscriminatorKeepsItsMappingInOrder() throws {
        let document = try SpecCorpus.decode(kratos).document
        let schema = try XCTUnwrap(document.components.schemas["uiNodeAttributes"]?.value)
        let discriminator = try XCTUnwrap(schema.discriminator)
        XCTAssertEqual(discriminator.propertyName, "node_type")
        XCTAssertEqual(discriminator.mapping.keys, ["a", "div", "img", "input", "script", "text"])
        XCTAssertEqual(discriminator.mapping["input"], "#/components/schemas/uiNodeInputAttributes")
        XCTAssertEqual(schema.oneOf.count, 6)
        XCTAssertEqual(schema.oneOf.first?.reference?.target, "#/components/schemas/uiNodeInputAttributes")
    }

    /// The known defect (a scheme name that `components` lacks) decodes, and its entry points at the name.
    func testKratosDanglingSecuritySchemeNameIsKeptWithItsLocation() throws {
        let decoded = try SpecCorpus.decode(kratos)
        let operation = try XCTUnwrap(decoded.document.operation(.post, "/self-service/settings"))
        let entry = try XCTUnwrap(operation.security?.first?.entries.first)
        XCTAssertEqual(entry.schemeName, "sessionToken")
        XCTAssertNil(decoded.document.components.securitySchemes["sessionToken"])

        let lines = try String(contentsOfFile: SpecCorpus.path(kratos), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let index = try XCTUnwrap(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "- sessionToken: []" })
        let column = try XCTUnwrap(lines[index].range(of: "sessionToken")).lowerBound.utf16Offset(in: lines[index]) + 1
        XCTAssertEqual(entry.source.location, SourceLocation(file: kratos, line: index + 1, column: column))
        XCTAssertEqual(entry.source.pointer, "#/paths/~1self-service~1settings/post/security/0/sessionToken")
    }

    func testKratosOperationDetails() throws {
        let document = try SpecCorpus.decode(kratos).document
        let login = try XCTUnwrap(document.paths["/self-service/login"])
        XCTAssertEqual(login.source.pointer, "#/paths/~1self-service~1login")
        let get = try XCTUnwrap(document.operation(.get, "/admin/identities/{id}"))
        XCTAssertEqual(get.source.pointer, "#/paths/~1admin~1identities~1{id}/get")
        XCTAssertNotNil(get.operationId)
        let idParameter = try get.parameters.map { try document.resolve($0) }.first { $0.name == "id" }
        XCTAssertEqual(idParameter?.location, .path)
        XCTAssertEqual(idParameter?.required, true)
        // Every response of every operation resolves, and every status is written as text.
        for item in document.paths.values {
            for (_, operation) in item.operations {
                for (status, response) in operation.responses.entries {
                    XCTAssertTrue(status == "default" || Int(status) != nil, status)
                    XCTAssertNoThrow(try document.resolve(response))
                }
            }
        }
    }

    /// Every schema reachable from the components resolves (no dangling refs survive decoding).
    func testEveryComponentSchemaResolvesInEverySpec() throws {
        XCTAssertFalse(SpecCorpus.all.isEmpty)
        for name in SpecCorpus.all {
            let document = try SpecCorpus.decode(name).document
            for (_, schema) in document.components.schemas.entries {
                let resolved = try document.resolve(schema)
                for property in resolved.properties.values {
                    XCTAssertNoThrow(try document.resolve(property), name)
                }
            }
        }
    }

    func testOryClientDecodesQuickly() throws {
        let name = "ory-client-v1.6.2.json"
        let yaml = try YAMLParser.parse(contentsOfFile: SpecCorpus.path(name), displayPath: name)
        var best = Double.infinity
        var document: OpenAPIDocument?
        for _ in 0..<5 {
            let start = ContinuousClock.now
            document = try OpenAPIDecoder.decode(yaml, file: name).document
            let elapsed = ContinuousClock.now - start
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        print("\(name): decoded in \(String(format: "%.2f", best * 1000)) ms (best of 5)")
        XCTAssertEqual(document?.paths.count, 94)
        XCTAssertEqual(document?.paths.values.reduce(0) { $0 + $1.operations.count }, 131)
        XCTAssertEqual(document?.components.schemas.count, 307)
        // Generous, to stay stable in debug builds on slow machines; release takes a few ms.
        XCTAssertLessThan(best, 2.0)
    }
}

