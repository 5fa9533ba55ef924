import KilnDiagnostics
@testable import KilnOpenAPI
import KilnYAML
import XCTest

/// The root object: which files are OpenAPI documents at all, and `info`, `servers`, `tags`, `paths`.
final class DocumentDecodingTests: XCTestCase {
    func testSwagger2IsRejectedAtTheSwaggerKey() throws {
        let errors = try decodingErrors("""
            # converted? not yet
            swagger: "2.0"
            info: {title: Old, version: "1"}
            paths: {}
            """)
        assertSingleError(errors, "Swagger 2.0 documents are not supported; convert to OpenAPI 3 first", line: 2, column: 1)
    }

    func testMissingOpenAPIKey() throws {
        let errors = try decodingErrors("""
            info:
              title: Nothing
              version: "1"
            paths: {}
            """)
        assertSingleError(errors, "not an OpenAPI document: missing 'openapi'", line: 1, column: 1)
    }

    func testUnsupportedVersionIsNamed() throws {
        let errors = try decodingErrors("""
            openapi: 2.5.0
            info: {title: T, version: "1"}
            paths: {}
            """)
        assertSingleError(errors, "unsupported OpenAPI version '2.5.0'; expected 3.0.x or 3.1.x", line: 1, column: 10)
    }

    func testRootMustBeAMapping() throws {
        let errors = try decodingErrors("""
            - openapi: 3.0.3
            """)
        assertSingleError(errors, "an OpenAPI document must be a mapping, found a sequence", line: 1, column: 1)
    }

    func testMissingInfoTitleIsReportedAndDecodingGoesOn() throws {
        let errors = try decodingErrors("""
            openapi: 3.0.3
            info:
              version: 1.0.0
            paths:
              /a:
                get:
                  deprecated: "no"
                  responses: {}
            """)
        XCTAssertEqual(errors.map(\.message), [
            "missing 'title' in info",
            "'deprecated' must be a boolean, found a scalar \"no\"",
        ])
        XCTAssertEqual(errors.map(\.location), [
            SourceLocation(file: testFile, line: 3, column: 3),
            SourceLocation(file: testFile, line: 7, column: 19),
        ])
    }

    func testMissingInfo() throws {
        let errors = try decodingErrors("""
            openapi: 3.1.0
            paths: {}
            """)
        assertSingleError(errors, "missing 'info'", line: 1, column: 1)
    }

    func testMissingPathsIsAWarningIn30AndFineIn31() throws {
        let old = try decode("""
            openapi: 3.0.3
            info: {title: T, version: "1"}
            """)
        XCTAssertEqual(old.warnings.map(\.description), ["test.yaml:1:1: warning: missing 'paths' (required in OpenAPI 3.0)"])
        XCTAssertTrue(old.document.paths.isEmpty)

        let new = try decode("""
            openapi: 3.1.0
            info: {title: T, version: "1"}
            """)
        XCTAssertEqual(new.warnings, [])
        XCTAssertTrue(new.document.isVersion31)
    }

    func testParserWarningsArePassedOn() throws {
        let parserWarning = Diagnostic.warning("duplicate key", at: SourceLocation(file: testFile, line: 9, column: 9))
        var yaml = try YAMLParser.parse("""
            openapi: 3.1.0
            info: {title: T, version: "1"}
            """, file: testFile)
        yaml.warnings.append(parserWarning)
        XCTAssertEqual(try OpenAPIDecoder.decode(yaml, file: testFile).warnings, [parserWarning])
    }

    func testInfoServersAndTags() throws {
        let document = try decode("""
            openapi: 3.0.3
            info:
              title: Ory
              version: 1.0
              description: The API.
            servers:
            - url: https://{project}.example.com
              description: Production
              variables:
                project:
                  default: playground
                  enum: [playground, prod]
            tags:
            - name: identity
              description: Identities
            - name: frontend
            paths: {}
            """).document
        XCTAssertEqual(document.info.title, "Ory")
        XCTAssertEqual(document.info.version, "1.0", "a number is read as the text written")
        XCTAssertEqual(document.info.description, "The API.")
        let server = try XCTUnwrap(document.servers.first)
        XCTAssertEqual(server.url, "https://{project}.example.com")
        XCTAssertEqual(server.description, "Production")
        XCTAssertEqual(server.variables["project"]?.defaultValue, "playground")
        XCTAssertEqual(server.variables["project"]?.enumValues, ["playground", "prod"])
        XCTAssertEqual(server.source.pointer, "#/servers/0")
        XCTAssertEqual(document.tags.map(\.name), ["identity", "frontend"])
        XCTAssertEqual(document.tags.first?.description, "Identities")
        XCTAssertEqual(document.source.pointer, "#")
    }

    func testAllProblemsAreReportedInOneRunInFileOrder() throws {
        let errors = try decodingErrors("""
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths:
              /a:
                get:
                  parameters:
                  - $ref: '#/components/parameters/missing'
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {type: strin}
            components:
              securitySchemes:
                key: {type: apikey}
            """)
        XCTAssertEqual(errors.map(\.description), [
            "test.yaml:7:15: error: unresolvable reference '#/components/parameters/missing'",
            "test.yaml:13:30: error: unknown type 'strin' (did you mean 'string'?); expected string, number, integer, boolean, array, object or null",
            "test.yaml:16:17: error: unknown security scheme type 'apikey'; expected apiKey, http, oauth2, openIdConnect or mutualTLS",
        ])
    }
}
