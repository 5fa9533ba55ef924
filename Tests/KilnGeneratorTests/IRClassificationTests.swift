import KilnIR
import XCTest

/// What the IR decides once about statuses, media types, body codings, methods and parameter styles.
final class IRClassificationTests: XCTestCase {
    func testResponseStatuses() {
        XCTAssertEqual(IRResponseStatus("200"), .code(200))
        XCTAssertEqual(IRResponseStatus("4XX"), .range(4))
        XCTAssertEqual(IRResponseStatus("4xx"), .range(4))
        XCTAssertEqual(IRResponseStatus("default"), .default)
        for unusable in ["600", "099", "6XX", "4X", "20", "Default", "2XY", ""] {
            XCTAssertNil(IRResponseStatus(unusable), unusable)
        }
        XCTAssertTrue(IRResponseStatus.code(204).isSuccess)
        XCTAssertTrue(IRResponseStatus.range(2).isSuccess)
        XCTAssertFalse(IRResponseStatus.code(302).isSuccess)
        XCTAssertFalse(IRResponseStatus.default.isSuccess)
        XCTAssertEqual(IRResponseStatus("2xx")?.text, "2XX")
    }

    func testMediaTypes() {
        let cases: [(String, IRMediaType.Kind, String)] = [
            ("application/json", .json, "application/json"),
            ("Application/JSON; charset=utf-8", .json, "application/json"),
            ("application/problem+json", .json, "application/problem+json"),
            ("application/x-www-form-urlencoded", .urlEncodedForm, "application/x-www-form-urlencoded"),
            ("multipart/form-data; boundary=x", .multipartForm, "multipart/form-data"),
            ("text/plain; charset=utf-8", .plainText, "text/plain"),
            ("application/octet-stream", .binary, "application/octet-stream"),
            ("text/csv", .other, "text/csv"),
            ("image/png", .other, "image/png"),
        ]
        for (text, kind, base) in cases {
            let mediaType = IRMediaType(text)
            XCTAssertEqual(mediaType.kind, kind, text)
            XCTAssertEqual(mediaType.base, base, text)
            XCTAssertEqual(mediaType.text, text, "the spelling as written is kept for Content-Type")
        }
        XCTAssertTrue(IRMediaType("text/csv").isText)
        XCTAssertFalse(IRMediaType("application/xml").isText)
    }

    func testContentTypeIsPassedWhereTheRuntimeDefaultDiffersFromTheSpelling() {
        XCTAssertNil(IRBodyCoding.json.explicitContentType(for: IRMediaType("application/json")))
        XCTAssertEqual(
            IRBodyCoding.json.explicitContentType(for: IRMediaType("application/json; charset=utf-8")), "application/json; charset=utf-8"
        )
        XCTAssertEqual(IRBodyCoding.bytes.explicitContentType(for: IRMediaType("image/png")), "image/png")
        XCTAssertNil(IRBodyCoding.urlEncodedForm.explicitContentType(for: IRMediaType("application/x-www-form-urlencoded")))
    }

    func testBodyCodingsAreDecidedInLowering() throws {
        let module = try LoweredSpec(paths: """
            /upload:
              post:
                operationId: upload
                requestBody:
                  content:
                    application/merge-patch+json: {schema: {type: object}}
                    application/x-www-form-urlencoded: {schema: {type: object, properties: {a: {type: string}}}}
                    multipart/form-data: {schema: {type: object, properties: {a: {type: string}}}}
                    text/csv: {schema: {type: string}}
                    image/png: {schema: {type: string, format: binary}}
                    application/xml: {schema: {type: object, properties: {a: {type: string}}}}
                responses:
                  '200':
                    description: Text.
                    content:
                      text/plain: {schema: {type: string}}
                  '201':
                    description: Bytes.
                    content:
                      application/pdf: {}
                  4XX:
                    description: JSON wins over XML.
                    content:
                      application/xml: {schema: {type: string}}
                      application/problem+json: {schema: {type: object}}
            """).lower().module
        let operation = try XCTUnwrap(module.operation("upload"))
        XCTAssertEqual(operation.method, .post)
        let contents = try XCTUnwrap(operation.requestBody).contents
        XCTAssertEqual(contents.map(\.coding), [.json, .urlEncodedForm, .multipartForm, .text, .bytes, .json])
        XCTAssertEqual(operation.responses.map(\.coding), [.text, .bytes, .json])
        XCTAssertEqual(operation.responses.map(\.mediaType?.text), ["text/plain", "application/pdf", "application/problem+json"])
        XCTAssertEqual(operation.responses.map(\.status), [.code(200), .code(201), .range(4)])
    }

    /// An inline multipart schema belongs to its body alone, so its files may stream; a referenced one
    /// may also be JSON elsewhere, so it keeps `Data`.
    func testOnlyInlineMultipartSchemasHaveStreamingFileMembers() throws {
        let module = try LoweredSpec(paths: """
            /inline:
              post:
                operationId: sendInline
                requestBody:
                  content:
                    multipart/form-data:
                      schema:
                        type: object
                        properties:
                          file: {type: string, format: binary}
                          files: {type: array, items: {type: string, format: binary}}
                          caption: {type: string}
                responses:
                  '204': {description: Sent.}
            /referenced:
              post:
                operationId: sendReferenced
                requestBody:
                  content:
                    multipart/form-data:
                      schema: {$ref: '#/components/schemas/Upload'}
                responses:
                  '204': {description: Sent.}
            """, components: """
            schemas:
              Upload:
                type: object
                properties:
                  file: {type: string, format: binary}
            """).lower().module
        func memberTypes(_ typeName: String) throws -> [IRTypeReference] {
            let type = try XCTUnwrap(module.types.first { $0.name == typeName }, typeName)
            guard case .object(let object) = type.kind else {
                XCTFail("\(typeName) is not an object")
                return []
            }
            return object.properties.map(\.type)
        }
        let inline = try XCTUnwrap(module.operation("sendInline")?.requestBody?.contents.first?.type)
        guard case .named(let inlineName) = inline else { return XCTFail("inline body is \(inline)") }
        XCTAssertEqual(try memberTypes(inlineName), [.builtin(.body), .array(.builtin(.body)), .builtin(.string)])
        XCTAssertEqual(try memberTypes("Upload"), [.builtin(.data)])
    }

    /// A part header is sent when its schema allows one value; any other cannot be, and is warned about.
    func testMultipartPartHeadersWithAFixedValueAreSent() throws {
        let result = try LoweredSpec(paths: """
            /upload:
              post:
                operationId: upload
                requestBody:
                  content:
                    multipart/form-data:
                      schema:
                        type: object
                        properties:
                          file: {type: string, format: binary}
                          note: {type: string}
                      encoding:
                        file:
                          headers:
                            X-Source: {schema: {type: string, enum: [camera]}}
                            X-Version: {schema: {type: integer, const: 2}}
                            X-Kind: {schema: {type: string, default: photo}}
                            Content-Type: {schema: {type: string, enum: [image/png]}}
                            X-Free: {schema: {type: string}}
                        note: {contentType: 'text/markdown, text/plain'}
                responses:
                  '204': {description: Sent.}
            """).lower()
        let content = try XCTUnwrap(result.module.operation("upload")?.requestBody?.contents.first)
        XCTAssertEqual(content.partEncodings, [
            IRPartEncoding(property: "file", contentType: nil, headers: [
                IRPartHeader(name: "X-Source", value: "camera"), IRPartHeader(name: "X-Version", value: "2"),
                IRPartHeader(name: "X-Kind", value: "photo"),
            ]),
            IRPartEncoding(property: "note", contentType: "text/markdown"),
        ])
        XCTAssertEqual(result.diagnostics.map(\.message), [
            "header 'X-Free' of the multipart part 'file' has no fixed one-line value (const, a single enum value or default), so it is not sent",
        ])
        XCTAssertEqual(result.diagnostics.first?.location?.line, 22, "the X-Free header")
    }

    func testParameterStylesHaveTheLocationDefaultApplied() throws {
        let result = try LoweredSpec(paths: """
            /items/{id}:
              get:
                operationId: items
                parameters:
                  - {name: id, in: path, required: true, schema: {type: string}}
                  - {name: q, in: query, schema: {type: string}}
                  - {name: X-Trace, in: header, schema: {type: string}}
                  - {name: session, in: cookie, schema: {type: string}}
                  - {name: filter, in: query, style: deepObject, schema: {type: object}}
                  - {name: odd, in: query, style: sideways, schema: {type: string}}
                responses:
                  '204': {description: Done.}
            """).lower()
        let parameters = try XCTUnwrap(result.module.operation("items")).parameters
        XCTAssertEqual(parameters.map(\.style), [.simple, .form, .simple, .form, .deepObject, .form])
        XCTAssertEqual(parameters.map(\.explode), [false, true, false, true, false, true])
        XCTAssertEqual(result.diagnostics.map(\.message), [
            "parameter 'odd' has style 'sideways', which is not an OpenAPI style; the default for a query parameter is used",
        ])
    }
}
