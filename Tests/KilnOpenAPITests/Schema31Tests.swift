import KilnDiagnostics
import KilnOpenAPI
import XCTest

/// OpenAPI 3.1 schemas (JSON Schema 2020-12): type arrays, `const`, numeric bounds, boolean schemas.
final class Schema31Tests: XCTestCase {
    private func document31(_ schemas: String) throws -> OpenAPIDocument {
        let indented = schemas.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
        return try decode("""
            openapi: 3.1.0
            info: {title: T, version: "1"}
            components:
              schemas:
            \(indented)
            """).document
    }

    func testTypeArraysWithNull() throws {
        let document = try document31("""
            name: {type: [string, "null"]}
            count: {type: ["integer", null]}
            plain: {type: string}
            """)
        let name = try XCTUnwrap(document.components.schemas["name"]?.value)
        XCTAssertEqual(name.types, ["string", "null"])
        XCTAssertTrue(name.isNullable)
        XCTAssertFalse(name.nullable, "3.1 says null in the type list, not with nullable")
        XCTAssertEqual(name.nonNullTypes, ["string"])
        XCTAssertEqual(document.components.schemas["count"]?.value?.types, ["integer", "null"], "unquoted null read as meant")
        XCTAssertEqual(document.components.schemas["plain"]?.value?.isNullable, false)
    }

    func testConstAndExamples() throws {
        let document = try document31("""
            kind: {const: identity}
            sample: {type: integer, examples: [42, 7]}
            both: {type: integer, example: 1, examples: [2]}
            """)
        XCTAssertEqual(document.components.schemas["kind"]?.value?.constValue?.string, "identity")
        XCTAssertEqual(document.components.schemas["sample"]?.value?.example?.int, 42, "the first of examples")
        XCTAssertEqual(document.components.schemas["both"]?.value?.example?.int, 1, "an explicit example wins")
    }

    func testNumericExclusiveBounds() throws {
        let document = try document31("""
            ratio: {type: number, minimum: -1, exclusiveMinimum: 0, exclusiveMaximum: 1.5}
            """)
        let ratio = try XCTUnwrap(document.components.schemas["ratio"]?.value)
        XCTAssertEqual(ratio.exclusiveMinimum, 0)
        XCTAssertEqual(ratio.exclusiveMaximum, 1.5)
        XCTAssertEqual(ratio.minimum, -1, "a numeric bound leaves minimum alone")
        XCTAssertNil(ratio.maximum)
    }

    func testBooleanSchemas() throws {
        let document = try document31("""
            anything: true
            nothing: false
            closed:
              type: object
              properties:
                id: true
              additionalProperties: false
            list:
              type: array
              items: false
            """)
        let anything = try XCTUnwrap(document.components.schemas["anything"]?.value)
        XCTAssertTrue(anything.types.isEmpty)
        XCTAssertNil(anything.not)
        XCTAssertEqual(anything.source.pointer, "#/components/schemas/anything")
        let nothing = try XCTUnwrap(document.components.schemas["nothing"]?.value)
        XCTAssertNotNil(nothing.not?.value, "false is not: {}")

        let closed = try XCTUnwrap(document.components.schemas["closed"]?.value)
        XCTAssertNotNil(closed.properties["id"]?.value)
        guard case .allowed(false)? = closed.additionalProperties else { return XCTFail("additionalProperties: false") }
        XCTAssertNotNil(document.components.schemas["list"]?.value?.items?.value?.not)
    }

    func testBooleanSchemasAreRejectedIn30ExceptForAdditionalProperties() throws {
        let errors = try decodingErrors("""
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                open: {type: object, additionalProperties: true}
                anything: true
            """)
        assertSingleError(errors, "'anything' must be a mapping, found a scalar \"true\"", line: 7, column: 15)
    }

    func testRefWithSiblingsKeepsTheRef() throws {
        let document = try document31("""
            base: {type: object}
            described:
              $ref: '#/components/schemas/base'
              description: A base, described.
            """)
        let described = try XCTUnwrap(document.components.schemas["described"])
        XCTAssertEqual(described.reference?.target, "#/components/schemas/base")
        XCTAssertEqual(try document.resolve(described).types, ["object"])
    }

    func testVersion31AllowsDocumentsWithoutPathsOrResponses() throws {
        let decoded = try decode("""
            openapi: 3.1.1
            info: {title: T, version: "1"}
            paths:
              /ping:
                get: {}
            """)
        XCTAssertEqual(decoded.warnings, [])
        XCTAssertEqual(decoded.document.operation(.get, "/ping")?.responses.isEmpty, true)
    }
}
