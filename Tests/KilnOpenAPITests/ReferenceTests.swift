import KilnDiagnostics
import KilnOpenAPI
import XCTest

/// `$ref` checking during decoding and resolution afterwards.
final class ReferenceTests: XCTestCase {
    func testDanglingReferenceInANestedPropertyIsReportedAtTheRef() throws {
        let errors = try decodingErrors("""
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                identity:
                  type: object
                  properties:
                    traits:
                      type: array
                      items:
                        allOf:
                        - $ref: '#/components/schemas/identityTraits'
                identityTrait:
                  type: object
            """)
        assertSingleError(
            errors, "unresolvable reference '#/components/schemas/identityTraits'; did you mean 'identityTrait'?",
            line: 13, column: 21
        )
    }

    func testDanglingParameterReference() throws {
        let errors = try decodingErrors("""
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths:
              /items:
                get:
                  parameters:
                  - $ref: '#/components/parameters/pageToken'
                  responses: {}
            components:
              parameters:
                pageSize: {name: page_size, in: query, schema: {type: integer}}
            """)
        assertSingleError(errors, "unresolvable reference '#/components/parameters/pageToken'", line: 7, column: 15)
    }

    func testReferenceToTheWrongKindOfComponent() throws {
        let errors = try decodingErrors("""
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths:
              /items:
                get:
                  parameters:
                  - $ref: '#/components/schemas/page'
                  responses: {}
            components:
              schemas:
                page: {type: integer}
            """)
        assertSingleError(errors, "reference '#/components/schemas/page' points to a schema where a parameter is expected", line: 7, column: 15)
    }

    func testExternalReferenceInTextIsReported() throws {
        let errors = try decodingErrors("""
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths:
              /items:
                get:
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: 'common.yaml#/components/schemas/Item'
            """)
        assertSingleError(
            errors, "external reference 'common.yaml#/components/schemas/Item' cannot be followed in a document given as text; load it from its file",
            line: 12, column: 23
        )
    }

    func testCycleBetweenTwoComponentParametersIsReportedOnce() throws {
        let errors = try decodingErrors("""
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths:
              /items:
                get:
                  parameters:
                  - $ref: '#/components/parameters/a'
                  responses: {}
            components:
              parameters:
                a:
                  $ref: '#/components/parameters/b'
                b:
                  $ref: '#/components/parameters/a'
            """)
        assertSingleError(
            errors,
            "reference cycle: '#/components/parameters/a' → '#/components/parameters/b' → '#/components/parameters/a'",
            line: 12, column: 13
        )
    }

    func testSelfReferencingSchemaThroughAPropertyIsNotACycle() throws {
        // A tree type refers to itself through `properties`; only pure `$ref` chains are cycles.
        let document = try decode("""
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                node:
                  type: object
                  properties:
                    children:
                      type: array
                      items: {$ref: '#/components/schemas/node'}
            """).document
        let node = try document.resolve(try XCTUnwrap(document.components.schemas["node"]))
        let children = try document.resolve(try XCTUnwrap(node.properties["children"]))
        let item = try XCTUnwrap(children.items?.reference)
        XCTAssertEqual(document.componentName(of: item), "node")
        XCTAssertEqual(try document.resolve(.reference(item)).types, ["object"])
    }

    func testResolutionFollowsChainsOfEveryKind() throws {
        let document = try decode("""
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                alias: {$ref: '#/components/schemas/target'}
                target: {type: string, format: uuid}
              parameters:
                aliasParam: {$ref: '#/components/parameters/page'}
                page: {name: page, in: query, schema: {$ref: '#/components/schemas/alias'}}
              requestBodies:
                body: {content: {application/json: {schema: {$ref: '#/components/schemas/target'}}}}
              responses:
                ok: {description: fine, headers: {X-Id: {$ref: '#/components/headers/id'}}}
              headers:
                id: {schema: {type: string}}
              securitySchemes:
                alias: {$ref: '#/components/securitySchemes/key'}
                key: {type: apiKey, name: key, in: query}
            """).document
        let components = document.components
        let schema = try document.resolve(try XCTUnwrap(components.schemas["alias"]))
        XCTAssertEqual(schema.format, "uuid")
        XCTAssertEqual(schema.source.pointer, "#/components/schemas/target")

        let parameter = try document.resolve(try XCTUnwrap(components.parameters["aliasParam"]))
        XCTAssertEqual(parameter.name, "page")
        let reference = try XCTUnwrap(parameter.schema?.reference)
        XCTAssertEqual(document.componentName(of: reference), "alias")
        XCTAssertEqual(reference.source.location, SourceLocation(file: testFile, line: 10, column: 50))
        XCTAssertEqual(reference.source.pointer, "#/components/parameters/page/schema")

        XCTAssertNotNil(try document.resolve(try XCTUnwrap(components.requestBodies["body"])).content["application/json"])
        let response = try document.resolve(try XCTUnwrap(components.responses["ok"]))
        XCTAssertEqual(try document.resolve(try XCTUnwrap(response.headers["X-Id"])).schema?.value?.types, ["string"])
        XCTAssertEqual(try document.resolve(try XCTUnwrap(components.securitySchemes["alias"])).kind, .apiKey)
    }

    func testKeywordsBesideAReferenceDescribeItIn31Only() throws {
        func owner(version: String) throws -> Reference? {
            let document = try decode("""
                openapi: \(version)
                info: {title: T, version: "1"}
                paths: {}
                components:
                  schemas:
                    pet:
                      type: object
                      properties:
                        owner:
                          $ref: '#/components/schemas/person'
                          summary: Owner
                          description: The person who looks after the pet.
                    person: {type: object}
                """).document
            return document.components.schemas["pet"]?.value?.properties["owner"]?.reference
        }
        let in31 = try XCTUnwrap(try owner(version: "3.1.0"))
        XCTAssertEqual(in31.summary, "Owner")
        XCTAssertEqual(in31.description, "The person who looks after the pet.")
        let in30 = try XCTUnwrap(try owner(version: "3.0.3"))
        XCTAssertNil(in30.description, "3.0 ignores keys beside $ref")
    }

    func testResolvingHandBuiltBadReferencesThrows() throws {
        let document = try decode("""
            openapi: 3.1.0
            info: {title: T, version: "1"}
            """).document
        let source = SourceRef(location: SourceLocation(file: testFile, line: 4, column: 2), pointer: "#/x")
        func message(_ target: String) -> String? {
            do {
                _ = try document.resolve(Referenceable<Schema>.reference(Reference(target: target, source: source)))
                return nil
            } catch {
                XCTAssertEqual(error.diagnostics.first?.location, source.location)
                return error.diagnostics.first?.message
            }
        }
        XCTAssertEqual(message("#/components/schemas/nothing"), "unresolvable reference '#/components/schemas/nothing'")
        XCTAssertEqual(message("https://example.com/s.json"), "external reference 'https://example.com/s.json' was not merged into the document")
        XCTAssertEqual(
            message("#/components/headers/h"), "reference '#/components/headers/h' does not name a schema in '#/components/schemas/'"
        )
        XCTAssertNil(document.componentName(of: Reference(target: "#/paths/~1a", source: source)))
    }

    func testDiscriminatorMappingTargetsAreChecked() throws {
        let errors = try decodingErrors("""
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                pet:
                  oneOf: [{$ref: '#/components/schemas/cat'}]
                  discriminator:
                    propertyName: kind
                    mapping:
                      cat: '#/components/schemas/cat'
                      dog: '#/components/schemas/dog'
                      bird: Bird
                cat: {type: object}
            """)
        assertSingleError(errors, "unresolvable reference '#/components/schemas/dog'", line: 12, column: 16)
    }
}
