import KilnIR
import XCTest

/// The names `SwiftNamer` gives, and what a name that is taken becomes.
final class SwiftNamerTests: XCTestCase {
    private static let paths = """
        /things:
          get:
            operationId: list
            responses:
              '200':
                description: Things.
                headers:
                  X-Total: {schema: {type: integer}}
                content:
                  application/json: {schema: {type: array, items: {type: string}}}
              4XX:
                description: Client error, upper case.
                headers:
                  X-Reason: {schema: {type: string}}
              4xx: {description: Client error, lower case.}
              '418': {description: Teapot.}
              default: {description: Anything else.}
          post:
            operationId: listRaw
            requestBody:
              content:
                application/json: {schema: {type: object}}
                application/json; charset=utf-8: {schema: {type: object}}
                application/problem+json: {schema: {type: object}}
                text/plain: {schema: {type: string}}
                application/octet-stream: {}
                '*/*': {}
            responses:
              '204': {description: Done.}
          put:
            operationId: rename-me
            parameters:
              - {name: request, in: query, schema: {type: string}}
              - {name: default, in: query, schema: {type: string}}
            responses:
              '204': {description: Done.}
        """

    func testMethodVariantsMakeWayForOperations() throws {
        let module = try LoweredSpec(paths: Self.paths).lower().module
        let list = try XCTUnwrap(module.operation("list"))
        XCTAssertEqual([list.swiftName, list.responseMethodName], ["list", "listResponse"])
        // `listRaw` is an operation of its own, so `list`'s raw variant gives way.
        XCTAssertEqual(list.rawMethodName, "listRaw2")
        let listRaw = try XCTUnwrap(module.operation("listRaw"))
        XCTAssertEqual([listRaw.swiftName, listRaw.responseMethodName, listRaw.rawMethodName], ["listRaw", "listRawResponse", "listRawRaw"])
    }

    func testChosenMethodNamesClaimFirst() throws {
        let options = LoweringOptions(operationNames: ["rename-me": "list"])
        let module = try LoweredSpec(paths: Self.paths).lower(options).module
        XCTAssertEqual(module.operation("rename-me")?.swiftName, "list")
        XCTAssertEqual(module.operation("list")?.swiftName, "list2")
        XCTAssertEqual(module.operation("list")?.rawMethodName, "list2Raw")
    }

    func testResponseCasesAndHeadersStructs() throws {
        let responses = try XCTUnwrap(LoweredSpec(paths: Self.paths).lower().module.operation("list")).responses
        XCTAssertEqual(responses.map(\.caseName), ["ok", "clientError", "clientError2", "status418", "default"])
        XCTAssertEqual(responses.map(\.headersTypeName), ["OkHeaders", "ClientErrorHeaders", nil, nil, nil])
    }

    func testBodyCases() throws {
        let body = try XCTUnwrap(LoweredSpec(paths: Self.paths).lower().module.operation("listRaw")?.requestBody)
        XCTAssertEqual(body.contents.map(\.caseName), ["json", "json2", "problemJson", "plainText", "binary", "any"])
    }

    func testParameterValuesAvoidTheMethodsLocals() throws {
        let parameters = try XCTUnwrap(LoweredSpec(paths: Self.paths).lower().module.operation("rename-me")).parameters
        XCTAssertEqual(parameters.map(\.swiftName), ["request", "default"])
        XCTAssertEqual(parameters.map(\.valueName), ["requestValue", "`default`"])
    }

    func testServers() throws {
        let module = try LoweredSpec(paths: "{}", servers: "- url: https://a.test\n- url: https://b.test\n").lower().module
        XCTAssertEqual(module.servers.map(\.swiftName), ["server1", "server2"])
    }

    func testTypeNamesMakeWayForTheUsersAndForSwift() throws {
        let options = LoweringOptions(typeNames: ["other": "Thing"])
        let module = try LoweredSpec(paths: "{}", components: """
            schemas:
              thing: {type: object, properties: {a: {type: string}}}
              other: {type: object, properties: {a: {type: string}}}
              Date: {type: object, properties: {a: {type: string}}}
              THING: {type: object, properties: {a: {type: string}}}
            """).lower(options).module
        // Type names are files too, so `Thing2` and `THING3` differ from `Thing` on a case-folding disk.
        XCTAssertEqual(module.types.map(\.name), ["Thing2", "Thing", "DateModel", "THING3"])
    }
}
