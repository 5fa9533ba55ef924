@testable import ClientFixture
import Foundation
import XCTest

/// The OpenAPI 3.0.3 style/explode examples, with the values `5`, `[3, 4, 5]` and
/// `{"role": "admin", "firstName": "Alex"}` for a parameter named `id`, as the generated
/// `RequestBuilder` writes them; and RFC 3986 percent-encoding.
final class ParameterStyleTests: XCTestCase {
    private let primitive = 5
    private let array = [3, 4, 5]
    private let object = Person(role: "admin", firstName: "Alex")

    private func request(_ build: (inout RequestBuilder) throws -> Void) throws -> HTTPRequest {
        var builder = RequestBuilder(method: "GET", path: "/users/{id}")
        try build(&builder)
        return try builder.makeRequest(serverURL: makeURL("https://api.example.com"))
    }

    private func path(_ value: some Encodable, _ style: ParameterStyle, explode: Bool) throws -> String {
        let request = try request { try $0.setPath("id", value, style: style, explode: explode) }
        let path = try XCTUnwrap(request.rawPath)
        XCTAssertTrue(path.hasPrefix("/users/"), path)
        return String(path.dropFirst("/users/".count))
    }

    private func query(_ value: some Encodable, _ style: ParameterStyle, explode: Bool) throws -> String? {
        try request { try $0.addQuery("id", value, style: style, explode: explode) }.rawQuery
    }

    private func header(_ value: some Encodable, explode: Bool) throws -> String? {
        try request { try $0.setHeader("X-Id", value, explode: explode) }.headerFields["X-Id"]
    }

    private func cookie(_ value: some Encodable, explode: Bool) throws -> String? {
        try request { try $0.addCookie("id", value, explode: explode) }.headerFields["Cookie"]
    }

    // MARK: Path

    func testSimple() throws {
        XCTAssertEqual(try path(primitive, .simple, explode: false), "5")
        XCTAssertEqual(try path(array, .simple, explode: false), "3,4,5")
        XCTAssertEqual(try path(object, .simple, explode: false), "role,admin,firstName,Alex")
        XCTAssertEqual(try path(primitive, .simple, explode: true), "5")
        XCTAssertEqual(try path(array, .simple, explode: true), "3,4,5")
        XCTAssertEqual(try path(object, .simple, explode: true), "role=admin,firstName=Alex")
    }

    /// As the 3.0.3 table writes them: elements are `.`-separated with and without explode.
    func testLabel() throws {
        XCTAssertEqual(try path(primitive, .label, explode: false), ".5")
        XCTAssertEqual(try path(array, .label, explode: false), ".3.4.5")
        XCTAssertEqual(try path(object, .label, explode: false), ".role.admin.firstName.Alex")
        XCTAssertEqual(try path(primitive, .label, explode: true), ".5")
        XCTAssertEqual(try path(array, .label, explode: true), ".3.4.5")
        XCTAssertEqual(try path(object, .label, explode: true), ".role=admin.firstName=Alex")
        XCTAssertEqual(try path("", .label, explode: false), ".")
    }

    func testMatrix() throws {
        XCTAssertEqual(try path(primitive, .matrix, explode: false), ";id=5")
        XCTAssertEqual(try path(array, .matrix, explode: false), ";id=3,4,5")
        XCTAssertEqual(try path(object, .matrix, explode: false), ";id=role,admin,firstName,Alex")
        XCTAssertEqual(try path(primitive, .matrix, explode: true), ";id=5")
        XCTAssertEqual(try path(array, .matrix, explode: true), ";id=3;id=4;id=5")
        XCTAssertEqual(try path(object, .matrix, explode: true), ";role=admin;firstName=Alex")
        XCTAssertEqual(try path("", .matrix, explode: false), ";id")
    }

    // MARK: Query

    func testFormExplode() throws {
        XCTAssertEqual(try query(primitive, .form, explode: true), "id=5")
        XCTAssertEqual(try query(array, .form, explode: true), "id=3&id=4&id=5")
        XCTAssertEqual(try query(object, .form, explode: true), "role=admin&firstName=Alex")
        XCTAssertEqual(try query("", .form, explode: true), "id=")
    }

    func testForm() throws {
        XCTAssertEqual(try query(primitive, .form, explode: false), "id=5")
        XCTAssertEqual(try query(array, .form, explode: false), "id=3,4,5")
        XCTAssertEqual(try query(object, .form, explode: false), "id=role,admin,firstName,Alex")
    }

    /// The table's `%20`; `|` is not allowed in a query by RFC 3986, so it is sent as `%7C`.
    func testSpaceAndPipeDelimited() throws {
        XCTAssertEqual(try query(array, .spaceDelimited, explode: false), "id=3%204%205")
        XCTAssertEqual(try query(object, .spaceDelimited, explode: false), "id=role%20admin%20firstName%20Alex")
        XCTAssertEqual(try query(array, .pipeDelimited, explode: false), "id=3%7C4%7C5")
        XCTAssertEqual(try query(object, .pipeDelimited, explode: false), "id=role%7Cadmin%7CfirstName%7CAlex")
        let decoded = try request { try $0.addQuery("id", array, style: .pipeDelimited, explode: false) }.queryItems
        XCTAssertEqual(decoded, [URLQueryItem(name: "id", value: "3|4|5")])
    }

    /// `id[role]=admin&id[firstName]=Alex`, brackets percent-encoded as RFC 3986 requires in a query.
    func testDeepObject() throws {
        XCTAssertEqual(try query(object, .deepObject, explode: true), "id%5Brole%5D=admin&id%5BfirstName%5D=Alex")
        let decoded = try request { try $0.addQuery("id", object, style: .deepObject, explode: true) }.queryItems
        XCTAssertEqual(decoded, [URLQueryItem(name: "id[role]", value: "admin"), URLQueryItem(name: "id[firstName]", value: "Alex")])
        let nested: [String: [String: Int]] = ["size": ["min": 1]]
        XCTAssertEqual(try query(nested, .deepObject, explode: true), "id%5Bsize%5D%5Bmin%5D=1")
    }

    func testDictionariesAreSentWithSortedKeys() throws {
        let labels = ["zeta": "1", "alpha": "2", "mid": "3"]
        XCTAssertEqual(try query(labels, .form, explode: true), "alpha=2&mid=3&zeta=1")
        XCTAssertEqual(try query(labels, .deepObject, explode: true), "id%5Balpha%5D=2&id%5Bmid%5D=3&id%5Bzeta%5D=1")
    }

    // MARK: Header and cookie

    func testHeaderIsSimpleAndNotPercentEncoded() throws {
        XCTAssertEqual(try header(primitive, explode: false), "5")
        XCTAssertEqual(try header(array, explode: false), "3,4,5")
        XCTAssertEqual(try header(object, explode: false), "role,admin,firstName,Alex")
        XCTAssertEqual(try header(object, explode: true), "role=admin,firstName=Alex")
        XCTAssertEqual(try header("a b/c", explode: false), "a b/c")
    }

    func testCookieIsForm() throws {
        XCTAssertEqual(try cookie(primitive, explode: true), "id=5")
        XCTAssertEqual(try cookie(array, explode: true), "id=3; id=4; id=5")
        XCTAssertEqual(try cookie(object, explode: true), "role=admin; firstName=Alex")
        XCTAssertEqual(try cookie(array, explode: false), "id=3,4,5")
        XCTAssertEqual(try cookie(object, explode: false), "id=role,admin,firstName,Alex")
        XCTAssertEqual(try cookie("a;b c", explode: true), "id=a%3Bb%20c")
    }

    // MARK: Values

    func testScalarsAreWrittenAsText() throws {
        let date = Date(timeIntervalSince1970: 1_714_566_600.25)
        XCTAssertEqual(try query(date, .form, explode: true), "id=2024-05-01T12%3A30%3A00.25Z")
        let uuid = try XCTUnwrap(UUID(uuidString: "9F425A8D-7EFC-4768-8F23-7647A74FDF13"))
        XCTAssertEqual(try query(uuid, .form, explode: true), "id=9f425a8d-7efc-4768-8f23-7647a74fdf13")
        XCTAssertEqual(try query(true, .form, explode: true), "id=true")
        XCTAssertEqual(try query(2.5, .form, explode: true), "id=2.5")
        XCTAssertEqual(try query(Color.green, .form, explode: true), "id=green")
        XCTAssertEqual(try query(Data([0xFF, 0x00]), .form, explode: true), "id=%2FwA%3D")
        XCTAssertEqual(try query(JSONValue.object(["b": 1, "a": "x"]), .form, explode: true), "a=x&b=1")
    }

    func testNilLeavesTheParameterOut() throws {
        let none: String? = nil
        let request = try request {
            try $0.addQuery("id", none)
            try $0.setHeader("X-Id", none)
            try $0.addCookie("id", none)
        }
        XCTAssertNil(request.rawQuery)
        XCTAssertNil(request.headerFields["X-Id"])
        XCTAssertNil(request.headerFields["Cookie"])
    }

    // MARK: Percent-encoding

    func testReservedCharactersAreEncodedInQueryAndPath() throws {
        let reserved = ":/?#[]@!$&'()*+,;= %"
        let encoded = "%3A%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D%20%25"
        XCTAssertEqual(try query(reserved, .form, explode: true), "id=" + encoded)
        XCTAssertEqual(try path(reserved, .simple, explode: false), encoded)
        XCTAssertEqual(try query("-._~AZaz09", .form, explode: true), "id=-._~AZaz09", "unreserved characters stay")
        let decoded = try request { try $0.addQuery("id", reserved) }.queryItems
        XCTAssertEqual(decoded, [URLQueryItem(name: "id", value: reserved)])
    }

    func testNonASCIIIsEncodedAsUTF8() throws {
        XCTAssertEqual(try query("Grüße 😀", .form, explode: true), "id=Gr%C3%BC%C3%9Fe%20%F0%9F%98%80")
        XCTAssertEqual(try path("Zoë", .simple, explode: false), "Zo%C3%AB")
    }

    func testSeparatorsStayLiteralWhileValuesAreEncoded() throws {
        XCTAssertEqual(try query(["a,b", "c"], .form, explode: false), "id=a%2Cb,c")
        XCTAssertEqual(try path(["a/b", "c"], .label, explode: false), ".a%2Fb.c")
    }

    func testAllowReservedKeepsReservedCharacters() throws {
        let request = try request { try $0.addQuery("next", "https://app.example.com/a?b=c d", allowReserved: true) }
        XCTAssertEqual(request.rawQuery, "next=https://app.example.com/a?b=c%20d")
    }
}
