import KilnGenerator
import KilnIR
import XCTest

/// Which operations get `xPages`: those whose success response documents a `Link` header, and
/// those the configuration's `pagination` covers; never because of a parameter name alone.
final class PaginationDecisionTests: XCTestCase {
    private static func listing(_ operationId: String, path: String, cursor: String = "page_token", linkHeader: Bool) -> String {
        """
        \(path):
          get:
            operationId: \(operationId)
            parameters:
              - {name: page_size, in: query, schema: {type: integer}}
              - {name: \(cursor), in: query, schema: {type: string}}
            responses:
              '200':
                description: A page.
        \(linkHeader ? "        headers:\n          Link: {schema: {type: string}}\n" : "")\
                content:
                  application/json:
                    schema: {type: array, items: {$ref: '#/components/schemas/Pet'}}
        """
    }

    private static let components = """
        schemas:
          Pet: {type: object, properties: {name: {type: string}}}
          Pets: {type: array, items: {$ref: '#/components/schemas/Pet'}}
        """

    private static let paths = [
        listing("documented", path: "/documented", linkHeader: true),
        listing("undocumented", path: "/undocumented", linkHeader: false),
        listing("cursorNamedOtherwise", path: "/cursor", cursor: "cursor", linkHeader: false),
        """
        /aliased:
          get:
            operationId: aliased
            parameters:
              - {name: page_token, in: query, schema: {type: string}}
            responses:
              '200':
                description: The array is behind an alias.
                headers:
                  link: {schema: {type: string}}
                content:
                  application/json: {schema: {$ref: '#/components/schemas/Pets'}}
        /required-token:
          get:
            operationId: requiredToken
            parameters:
              - {name: page_token, in: query, required: true, schema: {type: string}}
            responses:
              '200':
                description: A page, but the token cannot be left out for the first one.
                headers:
                  Link: {schema: {type: string}}
                content:
                  application/json: {schema: {type: array, items: {type: string}}}
        /sometimes-empty:
          get:
            operationId: sometimesEmpty
            parameters:
              - {name: page_token, in: query, schema: {type: string}}
            responses:
              '200':
                description: A page.
                headers:
                  Link: {schema: {type: string}}
                content:
                  application/json: {schema: {type: array, items: {type: string}}}
              '204': {description: No page at all.}
        """,
    ].joined(separator: "\n")

    private func module(_ options: LoweringOptions = LoweringOptions()) throws -> IRModule {
        try LoweredSpec(paths: Self.paths, components: Self.components).lower(options).module
    }

    func testADocumentedLinkHeaderPages() throws {
        let module = try module()
        let pagination = try XCTUnwrap(module.operation("documented")?.pagination)
        XCTAssertEqual(pagination.reason, .documentedLinkHeader)
        XCTAssertEqual(pagination.cursorParameter, "page_token")
        XCTAssertEqual(pagination.itemType, .named("Pet"))
        XCTAssertEqual(pagination.methodName, "documentedPages")
        // Header names are case-insensitive, and the array may be behind an alias.
        XCTAssertEqual(module.operation("aliased")?.pagination?.itemType, .named("Pet"))
    }

    func testWithoutLinkHeaderOrConfigurationNothingPages() throws {
        let module = try module()
        XCTAssertNil(module.operation("undocumented")?.pagination, "a page_token parameter alone does not page")
        XCTAssertNil(module.operation("requiredToken")?.pagination, "the first page needs no token")
        XCTAssertNil(module.operation("sometimesEmpty")?.pagination, "a page is never missing")
    }

    func testTheConfigurationPagesOperationsWithItsCursorParameter() throws {
        let module = try module(LoweringOptions(pagination: PaginationOptions(style: .link, cursorParameter: "page_token")))
        XCTAssertEqual(module.operation("undocumented")?.pagination?.reason, .configuration)
        XCTAssertEqual(module.operation("documented")?.pagination?.reason, .documentedLinkHeader)
        XCTAssertNil(module.operation("cursorNamedOtherwise")?.pagination)

        let cursor = try self.module(LoweringOptions(pagination: PaginationOptions(cursorParameter: "cursor")))
        XCTAssertEqual(cursor.operation("cursorNamedOtherwise")?.pagination?.cursorParameter, "cursor")
        XCTAssertNil(cursor.operation("documented")?.pagination, "its token goes in page_token, not cursor")
    }

    func testGeneratedPagesMethods() throws {
        let options = LoweringOptions(pagination: PaginationOptions(cursorParameter: "cursor"))
        let generation = try LoweredSpec(paths: Self.paths, components: Self.components).generate(options)
        let client = generation.files.filter { $0.path.hasPrefix("Client/Client+") }.map(\.contents).joined()
        XCTAssertTrue(client.contains("func cursorNamedOtherwisePages(pageSize: Int? = nil) -> PageSequence<Pet> {"), client)
        XCTAssertTrue(client.contains("PageSequence<Pet>(tokenParameter: \"cursor\") { pageToken in"), client)
        XCTAssertFalse(client.contains("func undocumentedPages("), client)

        let plain = try LoweredSpec(paths: Self.paths, components: Self.components).generate()
        let plainClient = plain.files.filter { $0.path.hasPrefix("Client/Client+") }.map(\.contents).joined()
        XCTAssertTrue(plainClient.contains("PageSequence<Pet> { pageToken in"), plainClient)
        XCTAssertTrue(plainClient.contains("func documentedPages("), plainClient)
        XCTAssertFalse(plainClient.contains("func undocumentedPages("), plainClient)
    }
}
