import KilnDiagnostics
import KilnOpenAPI
import XCTest

/// Path items, operations, parameters, bodies, responses and security requirements.
final class OperationDecodingTests: XCTestCase {
    func testWrongTypeForRequiredIsReportedAtTheValue() throws {
        let errors = try decodingErrors("""
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths:
              /items:
                get:
                  parameters:
                  - name: page
                    in: query
                    required: "yes"
                    schema: {type: integer}
                  responses: {}
            """)
        assertSingleError(errors, "'required' must be a boolean, found a scalar \"yes\"", line: 9, column: 19)
    }

    func testParametersMustBeASequence() throws {
        let errors = try decodingErrors("""
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths:
              /items:
                parameters:
                  name: page
                get:
                  responses: {}
            """)
        assertSingleError(errors, "'parameters' must be a sequence, found a mapping", line: 6, column: 7)
    }

    func testPathParameterMustBeRequired() throws {
        let errors = try decodingErrors("""
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths:
              /items/{id}:
                get:
                  parameters:
                  - name: id
                    in: path
                    schema: {type: string}
                  responses: {}
              /other/{id}:
                parameters:
                - {name: id, in: path, required: false, schema: {type: string}}
            """)
        XCTAssertEqual(errors.map(\.description), [
            "test.yaml:7:9: error: path parameter 'id' must be required ('required: true')",
            "test.yaml:13:38: error: path parameter 'id' must be required ('required: true')",
        ])
    }

    func testListItemsOfTheWrongKind() throws {
        let errors = try decodingErrors("""
            openapi: 3.0.3
            info: {title: T, version: "1"}
            servers:
            - https://example.com
            tags: [{name: a}, 7]
            paths:
              /a:
                get:
                  tags: [ok, {bad: 1}]
                  security:
                  - oauth: [read, {scope: x}]
                  responses: {}
            """)
        XCTAssertEqual(errors.map(\.description), [
            "test.yaml:4:3: error: each item of 'servers' must be a mapping, found a scalar \"https://example.com\"",
            "test.yaml:5:19: error: each item of 'tags' must be a mapping, found a scalar \"7\"",
            "test.yaml:9:18: error: each item of 'tags' must be a string, found a mapping",
            "test.yaml:11:23: error: each item of 'oauth' must be a string, found a mapping",
        ])
    }

    func testUnknownParameterLocationMentionsRequestBody() throws {
        let errors = try decodingErrors("""
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths:
              /items:
                post:
                  parameters:
                  - {name: body, in: body, schema: {type: object}}
                  responses: {}
            """)
        assertSingleError(
            errors, "'in' must be one of path, query, header or cookie, found 'body' (OpenAPI 3 uses 'requestBody' instead)",
            line: 7, column: 26
        )
    }

    func testOperationsParametersBodiesAndResponses() throws {
        let document = try decode("""
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths:
              /identities/{id}:
                summary: One identity
                parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
                patch:
                  operationId: patchIdentity
                  tags: [identity]
                  deprecated: true
                  parameters:
                  - name: filter
                    in: query
                    style: deepObject
                    explode: true
                    content:
                      application/json:
                        schema: {type: object}
                  requestBody:
                    required: true
                    content:
                      application/x-www-form-urlencoded:
                        schema: {type: object}
                        encoding:
                          tags: {contentType: text/plain, style: form, explode: false}
                  responses:
                    200:
                      description: OK
                      headers:
                        X-Rate-Limit:
                          required: true
                          schema: {type: integer}
                    4XX:
                      description: Client error
                    default:
                      $ref: '#/components/responses/error'
                  security: []
                get:
                  responses:
                    '204': {description: No content}
                x-internal: true
            components:
              responses:
                error: {description: Error}
            """).document
        let item = try XCTUnwrap(document.paths["/identities/{id}"])
        XCTAssertEqual(item.summary, "One identity")
        XCTAssertEqual(item.parameters.count, 1)
        XCTAssertEqual(item.operations.map(\.method), [.patch, .get], "document order")

        let patch = try XCTUnwrap(document.operation(.patch, "/identities/{id}"))
        XCTAssertEqual(patch.operationId, "patchIdentity")
        XCTAssertEqual(patch.tags, ["identity"])
        XCTAssertTrue(patch.deprecated)
        XCTAssertEqual(patch.security?.isEmpty, true, "an empty list means explicitly no security")
        XCTAssertNil(document.operation(.get, "/identities/{id}")?.security, "absent means inherited")

        let filter = try XCTUnwrap(patch.parameters.first?.value)
        XCTAssertEqual(filter.location, .query)
        XCTAssertEqual(filter.style, "deepObject")
        XCTAssertEqual(filter.explode, true)
        XCTAssertEqual(filter.content.keys, ["application/json"])
        XCTAssertEqual(filter.source.pointer, "#/paths/~1identities~1{id}/patch/parameters/0")

        let body = try XCTUnwrap(patch.requestBody?.value)
        XCTAssertTrue(body.required)
        let form = try XCTUnwrap(body.content["application/x-www-form-urlencoded"])
        XCTAssertEqual(form.encoding["tags"]?.contentType, "text/plain")
        XCTAssertEqual(form.encoding["tags"]?.explode, false)

        XCTAssertEqual(patch.responses.keys, ["200", "4XX", "default"], "an integer key is read as its text")
        let ok = try XCTUnwrap(patch.responses["200"]?.value)
        XCTAssertEqual(ok.description, "OK")
        XCTAssertEqual(ok.headers["X-Rate-Limit"]?.value?.required, true)
        XCTAssertEqual(ok.source.pointer, "#/paths/~1identities~1{id}/patch/responses/200")
        XCTAssertEqual(try document.resolve(try XCTUnwrap(patch.responses["default"])).description, "Error")
    }

    func testSecurityRequirementsPointAtTheirSchemeNames() throws {
        let document = try decode("""
            openapi: 3.0.3
            info: {title: T, version: "1"}
            security:
            - oauth: [read, write]
              apiKey: []
            - {}
            paths:
              /me:
                get:
                  security:
                  - undefinedScheme: []
                  responses: {}
            components:
              securitySchemes:
                oauth:
                  type: oauth2
                  flows: {}
                apiKey: {type: apiKey, name: X-Key, in: header}
                bearer: {type: http, scheme: bearer, bearerFormat: JWT}
            """).document
        let global = try XCTUnwrap(document.security)
        XCTAssertEqual(global.count, 2)
        XCTAssertEqual(global[0].entries.map(\.schemeName), ["oauth", "apiKey"])
        XCTAssertEqual(global[0].entries[0].scopes, ["read", "write"])
        XCTAssertEqual(global[0].entries[1].source.location, SourceLocation(file: testFile, line: 5, column: 3))
        XCTAssertEqual(global[0].entries[1].source.pointer, "#/security/0/apiKey")
        XCTAssertTrue(global[1].entries.isEmpty, "{} makes authentication optional")

        // An undefined scheme name is the IR's to warn about, not a decoding error.
        let entry = try XCTUnwrap(document.operation(.get, "/me")?.security?.first?.entries.first)
        XCTAssertEqual(entry.schemeName, "undefinedScheme")
        XCTAssertEqual(entry.source.location, SourceLocation(file: testFile, line: 11, column: 9))

        let apiKey = try document.resolve(try XCTUnwrap(document.components.securitySchemes["apiKey"]))
        XCTAssertEqual(apiKey.kind, .apiKey)
        XCTAssertEqual(apiKey.name, "X-Key")
        XCTAssertEqual(apiKey.location, "header")
        let bearer = try XCTUnwrap(document.components.securitySchemes["bearer"]?.value)
        XCTAssertEqual(bearer.kind, .http)
        XCTAssertEqual(bearer.scheme, "bearer")
        XCTAssertEqual(bearer.bearerFormat, "JWT")
    }

    func testLocalPathItemReferenceIsFollowed() throws {
        let document = try decode("""
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths:
              /v2/users:
                $ref: '#/paths/~1users'
              /users:
                get:
                  operationId: listUsers
                  responses: {}
            """).document
        let alias = try XCTUnwrap(document.paths["/v2/users"])
        XCTAssertEqual(alias.operations.first?.operation.operationId, "listUsers")
        XCTAssertEqual(alias.source.pointer, "#/paths/~1users", "objects keep the pointer where they are written")
    }

    func testPathItemReferenceProblems() throws {
        let errors = try decodingErrors("""
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths:
              /a:
                $ref: '#/paths/~1nowhere'
              /b:
                $ref: 'other.yaml#/paths/~1b'
              /c:
                $ref: '#/paths/~1d'
              /d:
                $ref: '#/paths/~1c'
            """)
        XCTAssertEqual(errors.map(\.description), [
            "test.yaml:5:11: error: unresolvable reference '#/paths/~1nowhere'",
            "test.yaml:7:11: error: external reference 'other.yaml#/paths/~1b' cannot be followed in a document given as text; load it from its file",
            "test.yaml:9:11: error: reference cycle through '#/paths/~1d'",
            "test.yaml:11:11: error: reference cycle through '#/paths/~1c'",
        ])
    }

    func testUnknownKeysAndExtensionsAreIgnored() throws {
        let decoded = try decode("""
            openapi: 3.0.3
            info: {title: T, version: "1", x-logo: {url: x}}
            x-tagGroups: []
            paths:
              x-internal: {anything: 1}
              /a:
                get:
                  callbacks: {}
                  x-codegen: whatever
                  responses:
                    x-note: ignored
                    '200': {description: ok, links: {}}
            """)
        XCTAssertEqual(decoded.warnings, [])
        XCTAssertEqual(decoded.document.paths.keys, ["/a"])
        XCTAssertEqual(decoded.document.operation(.get, "/a")?.responses.keys, ["200"])
    }
}
