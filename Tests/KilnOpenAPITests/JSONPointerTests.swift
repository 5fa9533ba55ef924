import KilnDiagnostics
import KilnOpenAPI
import XCTest

/// RFC 6901 pointers: how model objects say where they are, and how `$ref` names are read back.
final class JSONPointerTests: XCTestCase {
    func testEscaping() {
        XCTAssertEqual(JSONPointer.escape("plain"), "plain")
        XCTAssertEqual(JSONPointer.escape("/self-service/login"), "~1self-service~1login")
        XCTAssertEqual(JSONPointer.escape("a~b"), "a~0b")
        XCTAssertEqual(JSONPointer.escape("~1"), "~01", "~ is escaped first so ~1 survives a round trip")
        XCTAssertEqual(JSONPointer.root.appending("paths").appending("/a/{id}").appending("get").appending(0).fragment,
                       "#/paths/~1a~1{id}/get/0")
    }

    func testTokensRoundTrip() {
        XCTAssertEqual(JSONPointer.tokens(ofFragment: "#/paths/~1a~1b/get"), ["paths", "/a/b", "get"])
        XCTAssertEqual(JSONPointer.tokens(ofFragment: "#/components/schemas/a~01"), ["components", "schemas", "a~1"])
        XCTAssertEqual(JSONPointer.tokens(ofFragment: "#"), [])
        XCTAssertNil(JSONPointer.tokens(ofFragment: "other.yaml#/a"))
    }

    func testDecodedObjectsCarryEscapedPointers() throws {
        let document = try decode("""
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths:
              /self-service/login:
                get:
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/a~1b~0c'}
            components:
              schemas:
                a/b~c: {type: string}
            """).document
        let operation = try XCTUnwrap(document.operation(.get, "/self-service/login"))
        XCTAssertEqual(operation.source.pointer, "#/paths/~1self-service~1login/get")
        XCTAssertEqual(operation.source.location, SourceLocation(file: testFile, line: 6, column: 7))
        let media = try XCTUnwrap(operation.responses["200"]?.value?.content["application/json"])
        XCTAssertEqual(media.source.pointer, "#/paths/~1self-service~1login/get/responses/200/content/application~1json")
        let reference = try XCTUnwrap(media.schema?.reference)
        XCTAssertEqual(document.componentName(of: reference), "a/b~c")
        XCTAssertEqual(try document.resolve(Referenceable<Schema>.reference(reference)).source.pointer, "#/components/schemas/a~1b~0c")
    }
}
