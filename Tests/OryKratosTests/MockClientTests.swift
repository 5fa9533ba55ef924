import Foundation
import OryKratos
import OryKratosMocks
import XCTest

// README mocking example start
// App code takes the protocol: `Client` in the app, `MockClient` in its tests.
func greeting(for id: String, api: some ClientProtocol) async throws -> String {
    let identity = try await api.getIdentity(id: id)
    return "Hello, " + (identity.traits["name"]?.stringValue ?? "stranger")
}

final class GreetingTests: XCTestCase {
    func testGreetsByName() async throws {
        let mock = MockClient()
        mock.getIdentityHandler = { call in
            Identity(id: UUID(), schemaId: "default", schemaUrl: "", traits: ["name": .string(call.id)])
        }
        let text = try await greeting(for: "Ada", api: mock)
        XCTAssertEqual(text, "Hello, Ada")
        XCTAssertEqual(mock.getIdentityCalls.map(\.id), ["Ada"])
        XCTAssertNil(mock.getIdentityCalls[0].includeCredential)
    }

    func testUnhandledCallThrowsNamingTheMethod() async throws {
        let mock = MockClient()
        do {
            try await mock.deleteIdentity(id: "x")
            XCTFail("no handler is set")
        } catch let error as MockClientError {
            XCTAssertEqual(error.method, "deleteIdentity(id:)")
            XCTAssertEqual(error.handler, "deleteIdentityHandler")
        }
        // The call is recorded all the same.
        XCTAssertEqual(mock.deleteIdentityCalls.map(\.id), ["x"])
    }
}
// README mocking example end

/// The mock's other forms: each has a handler of its own and records into the operation's calls.
final class MockClientFormsTests: XCTestCase {
    func testResponseAndRawFormsHaveTheirOwnHandlers() async throws {
        let mock = MockClient()
        mock.getIdentityRawHandler = { _ in HTTPResponse(statusCode: 404, body: Data()) }
        let raw = try await mock.getIdentityRaw(id: "a", includeCredential: [.password])
        XCTAssertEqual(raw.statusCode, 404)
        do {
            _ = try await mock.getIdentityResponse(id: "b")
            XCTFail("getIdentityResponseHandler is not set")
        } catch let error as MockClientError {
            XCTAssertEqual(error.description, "MockClient.getIdentityResponse(id:includeCredential:) was called but getIdentityResponseHandler is not set")
        }
        XCTAssertEqual(mock.getIdentityCalls.map(\.id), ["a", "b"])
        XCTAssertEqual(mock.getIdentityCalls[0].includeCredential, [.password])
    }

    func testPagesHandlerAndUnhandledPages() async throws {
        let mock = MockClient()
        let ada = Identity(id: UUID(), schemaId: "default", schemaUrl: "", traits: ["name": "Ada"])
        let bob = Identity(id: UUID(), schemaId: "default", schemaUrl: "", traits: ["name": "Bob"])
        mock.listIdentitiesPagesHandler = { _ in PageSequence(pages: [[ada], [bob]]) }
        var names: [String?] = []
        for try await identity in mock.listIdentitiesPages(pageSize: 1).items {
            names.append(identity.traits["name"]?.stringValue)
        }
        XCTAssertEqual(names, ["Ada", "Bob"])
        XCTAssertEqual(mock.listIdentitiesCalls.map(\.pageSize), [1])
        // Called with no handler, the pages throw the error when iterated.
        mock.listIdentitiesPagesHandler = nil
        do {
            for try await _ in mock.listIdentitiesPages() {}
            XCTFail("listIdentitiesPagesHandler is not set")
        } catch let error as MockClientError {
            XCTAssertEqual(error.handler, "listIdentitiesPagesHandler")
        }
    }

    func testTheMockIsUsableFromManyTasks() async throws {
        let mock = MockClient()
        mock.deleteIdentityHandler = { _ in }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<50 {
                group.addTask { try await mock.deleteIdentity(id: String(index)) }
            }
            try await group.waitForAll()
        }
        XCTAssertEqual(Set(mock.deleteIdentityCalls.map(\.id)), Set((0..<50).map(String.init)))
    }
}
