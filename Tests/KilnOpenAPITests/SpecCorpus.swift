import Foundation
@testable import KilnOpenAPI
import KilnYAML

/// The spec corpus the repository carries, `Tests/Specs` (each file's source in its README).
enum SpecCorpus {
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // KilnOpenAPITests
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("Specs")

    static func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    /// The corpus's top-level documents (YAML and JSON), sorted.
    static var all: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted()
    }

    static func decode(_ name: String) throws -> DecodedDocument {
        let yaml = try YAMLParser.parse(contentsOfFile: path(name), displayPath: name)
        return try OpenAPIDecoder.decode(yaml, file: name)
    }
}
