import Foundation
import XCTest

/// The usage example in each operation's doc comment is real code: every Kratos operation has one,
/// and all of them, gathered into one function over a `client`, type-check against the module.
final class UsageExampleTests: XCTestCase {
    func testEveryKratosOperationHasAnExampleThatCompiles() throws {
        let module = GoldenFiles.packageRoot.appendingPathComponent("Generated/OryKratos")
        let examples = try Self.examples(in: module)
        XCTAssertEqual(examples.count, 56, "one example per operation")
        XCTAssertTrue(examples.contains("let identity = try await client.getIdentity(id: \"<id>\")"), examples.joined(separator: "\n"))
        try assertCompiles(examples, with: module, moduleName: "OryKratos")
    }

    func testClientFixtureExamplesRespectBoundsAndCompile() throws {
        let module = GoldenFiles.packageRoot.appendingPathComponent("Generated/ClientFixture")
        let examples = try Self.examples(in: module)
        // `limit` has `minimum: 1`, so the placeholder is 1, which validation lets through.
        XCTAssertTrue(examples.contains("let pets = try await client.searchPets(limit: 1)"), examples.joined(separator: "\n"))
        try assertCompiles(examples, with: module, moduleName: "ClientFixture")
    }

    /// The text of every ```` ```swift ```` block in the doc comments of the module's `Client+…` files.
    static func examples(in module: URL) throws -> [String] {
        var examples: [String] = []
        for path in GoldenFiles.swiftFiles(under: module) where path.hasPrefix("Client/Client+") {
            let text = try String(contentsOf: module.appendingPathComponent(path), encoding: .utf8)
            var current: [String]?
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let trimmed = line.drop { $0 == " " }
                guard trimmed.hasPrefix("///") else { continue }
                let content = trimmed.dropFirst(3).hasPrefix(" ") ? String(trimmed.dropFirst(4)) : String(trimmed.dropFirst(3))
                if content == "```swift" {
                    current = []
                } else if content == "```", let lines = current {
                    examples.append(lines.joined(separator: "\n"))
                    current = nil
                } else {
                    current?.append(content)
                }
            }
        }
        return examples
    }

    private func assertCompiles(_ examples: [String], with module: URL, moduleName: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-examples-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        for path in GoldenFiles.swiftFiles(under: module) {
            let target = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: module.appendingPathComponent(path), to: target)
        }
        // Each example in its own scope, so the names they bind do not collide.
        let body = examples.map { "    do {\n" + $0.split(separator: "\n").map { "        " + $0 }.joined(separator: "\n") + "\n    }" }
        let source = "import Foundation\n\nfunc usageExamples(client: Client) async throws {\n" + body.joined(separator: "\n") + "\n}\n"
        try source.write(to: directory.appendingPathComponent("UsageExamples.swift"), atomically: true, encoding: .utf8)
        let result = try SwiftCompiler.run(directory: directory, moduleName: moduleName)
        XCTAssertEqual(result.status, 0, "the examples do not compile:\n\(result.output)")
        let errors = result.output.split(separator: "\n").filter { $0.contains("error:") }
        XCTAssertEqual(errors, [])
    }
}
