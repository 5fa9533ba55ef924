import ClientFixture
import Foundation
import XCTest

/// Values that break the description's constraints are refused before a request goes out, with a
/// `RequestValidationError` naming the parameter (or the path into the body); valid values are sent.
final class RequestValidationTests: XCTestCase {
    private func client(_ transport: ScriptedTransport, validates: Bool = true) throws -> Client {
        Client(serverURL: try makeURL("https://api.example.com/v1/"), transport: transport, validatesRequests: validates)
    }

    private static let emptyList = HTTPResponse.json(200, "[]")

    /// Runs `call`, expects a validation error, and checks that nothing was sent.
    private func refusal(
        _ transport: ScriptedTransport, file: StaticString = #filePath, line: UInt = #line, _ call: () async throws -> Void
    ) async throws -> RequestValidationError {
        do {
            try await call()
        } catch let error as RequestValidationError {
            let sent = await transport.requests.count
            XCTAssertEqual(sent, 0, "a refused request was sent", file: file, line: line)
            return error
        }
        XCTFail("the request was not refused", file: file, line: line)
        throw CancellationError()
    }

    // MARK: Parameters

    func testValuesWithinEveryConstraintAreSent() async throws {
        let transport = ScriptedTransport(Self.emptyList)
        let client = try client(transport)
        let pets = try await client.searchPets(limit: 100, score: 1, name: "rex", ids: [1, 2, 3], color: .green, xTrace: "0a1b2c3d")
        XCTAssertEqual(pets, [])
        let request = try await transport.onlyRequest()
        XCTAssertEqual(request.url.query, "limit=100&score=1.0&name=rex&ids=1&ids=2&ids=3&color=green")
    }

    func testIntegerBelowMinimumNamesTheParameter() async throws {
        let transport = ScriptedTransport(Self.emptyList)
        let client = try client(transport)
        let error = try await refusal(transport) { _ = try await client.searchPets(limit: 0) }
        XCTAssertEqual(error.operationId, "searchPets")
        XCTAssertEqual(error.parameter, "limit")
        XCTAssertEqual(error.violation, .belowMinimum(0, minimum: 1, exclusive: false))
        XCTAssertEqual(error.description, "searchPets: `limit` is 0, below the minimum 1")
    }

    func testIntegerAboveMaximum() async throws {
        let transport = ScriptedTransport(Self.emptyList)
        let client = try client(transport)
        let error = try await refusal(transport) { _ = try await client.searchPets(limit: 101) }
        XCTAssertEqual(error.violation, .aboveMaximum(101, maximum: 100, exclusive: false))
    }

    func testExclusiveMinimumRefusesTheBoundItself() async throws {
        let transport = ScriptedTransport(Self.emptyList)
        let client = try client(transport)
        let error = try await refusal(transport) { _ = try await client.searchPets(limit: 1, score: 0) }
        XCTAssertEqual(error.parameter, "score")
        XCTAssertEqual(error.violation, .belowMinimum(0, minimum: 0, exclusive: true))
        XCTAssertEqual(error.description, "searchPets: `score` is 0, not above the minimum 0")
    }

    func testTextLengthsCountUnicodeScalars() async throws {
        let transport = ScriptedTransport(Self.emptyList, Self.emptyList)
        let client = try client(transport)
        var error = try await refusal(transport) { _ = try await client.searchPets(limit: 1, name: "r") }
        XCTAssertEqual(error.parameter, "name")
        XCTAssertEqual(error.violation, .tooShort(length: 1, minimum: 2))
        error = try await refusal(transport) { _ = try await client.searchPets(limit: 1, name: "abcdefghijk") }
        XCTAssertEqual(error.violation, .tooLong(length: 11, maximum: 10))
    }

    func testPatternMismatch() async throws {
        let transport = ScriptedTransport(Self.emptyList)
        let client = try client(transport)
        let error = try await refusal(transport) { _ = try await client.searchPets(limit: 1, name: "Rex") }
        XCTAssertEqual(error.violation, .patternMismatch("Rex", pattern: "^[a-z]+$"))
    }

    func testPatternFromAReferencedSchemaOnAHeader() async throws {
        let transport = ScriptedTransport(Self.emptyList)
        let client = try client(transport)
        let error = try await refusal(transport) { _ = try await client.searchPets(limit: 1, xTrace: "not-hex!") }
        XCTAssertEqual(error.parameter, "X-Trace")
        XCTAssertEqual(error.violation, .patternMismatch("not-hex!", pattern: "^[0-9a-f]{8}$"))
    }

    func testItemCountsAndUniqueness() async throws {
        let transport = ScriptedTransport(Self.emptyList)
        let client = try client(transport)
        var error = try await refusal(transport) { _ = try await client.searchPets(limit: 1, ids: []) }
        XCTAssertEqual(error.parameter, "ids")
        XCTAssertEqual(error.violation, .tooFewItems(count: 0, minimum: 1))
        error = try await refusal(transport) { _ = try await client.searchPets(limit: 1, ids: [1, 2, 3, 4]) }
        XCTAssertEqual(error.violation, .tooManyItems(count: 4, maximum: 3))
        error = try await refusal(transport) { _ = try await client.searchPets(limit: 1, ids: [1, 1]) }
        XCTAssertEqual(error.violation, .duplicateItems)
    }

    func testAnEnumValueTheDescriptionDoesNotListIsRefused() async throws {
        let transport = ScriptedTransport(Self.emptyList)
        let client = try client(transport)
        let error = try await refusal(transport) { _ = try await client.searchPets(limit: 1, color: .unknown("purple")) }
        XCTAssertEqual(error.parameter, "color")
        XCTAssertEqual(error.violation, .unknownValue("purple", allowed: ["red", "green"]))
        XCTAssertEqual(error.description, "searchPets: `color` is \"purple\", not one of \"red\", \"green\"")
    }

    func testEveryFormOfTheOperationValidates() async throws {
        let transport = ScriptedTransport(Self.emptyList)
        let client = try client(transport)
        _ = try await refusal(transport) { _ = try await client.searchPetsResponse(limit: 0) }
        _ = try await refusal(transport) { _ = try await client.searchPetsRaw(limit: 0) }
    }

    func testValidationCanBeTurnedOff() async throws {
        let transport = ScriptedTransport(Self.emptyList)
        let client = try client(transport, validates: false)
        _ = try await client.searchPets(limit: 0, color: .unknown("purple"))
        let request = try await transport.onlyRequest()
        XCTAssertEqual(request.url.query, "limit=0&color=purple")
    }

    // MARK: Bodies

    private static let adoption = Adoption(
        petName: "Rex", age: 3, adopter: Adopter(email: "ana@example.com"), toys: [Toy(label: "ball")], favoriteColor: .red
    )

    func testAValidBodyIsSent() async throws {
        let transport = ScriptedTransport(HTTPResponse(statusCode: 204))
        let client = try client(transport)
        try await client.adoptPet(body: Self.adoption)
        let request = try await transport.onlyRequest()
        XCTAssertEqual(request.method, "POST")
    }

    func testBodyViolationsNameThePathIntoTheBody() async throws {
        let transport = ScriptedTransport(HTTPResponse(statusCode: 204))
        let client = try client(transport)
        let cases: [(Adoption, String, RequestValidationError.Violation)] = [
            (modified { $0.petName = "Rexford" }, "body.petName", .tooLong(length: 7, maximum: 5)),
            (modified { $0.age = 30 }, "body.age", .aboveMaximum(30, maximum: 30, exclusive: true)),
            (modified { $0.age = -1 }, "body.age", .belowMinimum(-1, minimum: 0, exclusive: false)),
            (modified { $0.adopter.email = "nobody" }, "body.adopter.email", .patternMismatch("nobody", pattern: "^[^@ ]+@[^@ ]+$")),
            (modified { $0.toys = [Toy(label: "a"), Toy(label: "")] }, "body.toys[1].label", .tooShort(length: 0, minimum: 1)),
            (modified { $0.toys = [Toy(label: "a"), Toy(label: "b"), Toy(label: "c")] }, "body.toys", .tooManyItems(count: 3, maximum: 2)),
            (modified { $0.favoriteColor = .unknown("blue") }, "body.favoriteColor", .unknownValue("blue", allowed: ["red", "green"])),
        ]
        for (body, path, violation) in cases {
            let error = try await refusal(transport) { try await client.adoptPet(body: body) }
            XCTAssertEqual(error.operationId, "adoptPet")
            XCTAssertEqual(error.parameter, path)
            XCTAssertEqual(error.violation, violation, path)
        }
    }

    func testOptionalBodyValuesLeftOutAreNotChecked() async throws {
        let transport = ScriptedTransport(HTTPResponse(statusCode: 204))
        let client = try client(transport)
        try await client.adoptPet(body: Adoption(petName: "", adopter: Adopter(email: "a@b")))
        _ = try await transport.onlyRequest()
    }

    private func modified(_ change: (inout Adoption) -> Void) -> Adoption {
        var adoption = Self.adoption
        change(&adoption)
        return adoption
    }
}
