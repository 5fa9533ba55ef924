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

    /// Every document of the corpus (YAML and JSON), the other vendors' ones as `real/NAME`, sorted.
    static var all: [String] { documents(in: "") + documents(in: "real") }

    private static func documents(in folder: String) -> [String] {
        let url = folder.isEmpty ? directory : directory.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted()
            .map { folder.isEmpty ? $0 : folder + "/" + $0 }
    }

    static func decode(_ name: String) throws -> DecodedDocument {
        let yaml = try YAMLParser.parse(contentsOfFile: path(name), displayPath: name)
        return try OpenAPIDecoder.decode(yaml, file: name)
    }
}
