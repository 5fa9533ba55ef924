@testable import ClientFixture
import Foundation
import XCTest

/// `listPetsPages` follows the `Link` header's `rel="next"` until there is none.
final class PaginationTests: XCTestCase {
    private func page(_ ids: [Int], next: String?) -> HTTPResponse {
        let pets = ids.map { #"{"id": \#($0), "name": "pet\#($0)"}"# }.joined(separator: ",")
        var headers = ["X-Total-Count": "5"]
        var links = [#"</pets?page_size=2&page_token=first>; rel="first""#]
        if let next { links.append("</pets?page_size=2&page_token=\(next)>; rel=\"next\"") }
        headers["Link"] = links.joined(separator: ",")
        return .json(200, "[\(pets)]", headers: headers)
    }

    private func client(_ transport: ScriptedTransport) throws -> Client {
        Client(serverURL: try makeURL("https://api.example.com"), authentication: Authentication(bearerAuth: "t"), transport: transport)
    }

    func testPagesFollowTheNextLink() async throws {
        let transport = ScriptedTransport(page([1, 2], next: "abc"), page([3, 4], next: "d%2Be"), page([5], next: nil))
        var pages: [[Int64]] = []
        for try await page in try client(transport).listPetsPages(pageSize: 2, tag: ["x"]) {
            pages.append(page.map(\.id))
        }

        XCTAssertEqual(pages, [[1, 2], [3, 4], [5]])
        let requests = await transport.requests
        XCTAssertEqual(requests.map(\.rawQuery), [
            "page_size=2&tag=x",
            "page_size=2&page_token=abc&tag=x",
            "page_size=2&page_token=d%2Be&tag=x",
        ])
        XCTAssertEqual(requests.map { $0.headerFields["Authorization"] }, ["Bearer t", "Bearer t", "Bearer t"])
    }

    func testItemsFlattenThePages() async throws {
        let transport = ScriptedTransport(page([1, 2], next: "abc"), page([], next: "def"), page([3], next: nil))
        var names: [String] = []
        for try await pet in try client(transport).listPetsPages().items {
            names.append(pet.name)
        }
        XCTAssertEqual(names, ["pet1", "pet2", "pet3"], "an empty page in between does not end the items")
    }

    func testALinkBackToASeenTokenEndsIteration() async throws {
        let transport = ScriptedTransport(page([1], next: "abc"), page([2], next: "abc"))
        var count = 0
        for try await _ in try client(transport).listPetsPages() {
            count += 1
        }
        XCTAssertEqual(count, 2)
    }

    func testAnErrorPageThrowsTheOperationError() async throws {
        let transport = ScriptedTransport(page([1], next: "abc"), .json(500, #"{"code": 500, "message": "down"}"#))
        var iterator = try client(transport).listPetsPages().makeAsyncIterator()
        let first = try await iterator.next()
        XCTAssertEqual(first?.count, 1)
        do {
            _ = try await iterator.next()
            XCTFail("expected an OperationError")
        } catch let error as OperationError<Operations.ListPets.Response> {
            XCTAssertEqual(error.response, .default(statusCode: 500, ErrorModel(code: 500, message: "down")))
        }
    }

    func testLinkHeaderParsing() {
        let header = #"<https://x.test/a?page_token=1,2&b=3>; rel="next last"; title="a, b", </c?page_token=z>; rel=prev"#
        let links = LinkHeader.links(in: header)
        XCTAssertEqual(links.map(\.target), ["https://x.test/a?page_token=1,2&b=3", "/c?page_token=z"])
        XCTAssertEqual(links.map(\.relations), [["next", "last"], ["prev"]])
        let response = HTTPResponse(statusCode: 200, headerFields: ["link": header])
        XCTAssertEqual(LinkHeader.nextPageToken(in: response, parameter: "page_token"), "1,2")
        XCTAssertNil(LinkHeader.nextPageToken(in: HTTPResponse(statusCode: 200), parameter: "page_token"))
    }
}
