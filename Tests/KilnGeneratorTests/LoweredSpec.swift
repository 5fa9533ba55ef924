import Foundation
import KilnGenerator
import KilnIR

/// A small spec written to a temporary file and lowered or generated, for tests of single decisions.
struct LoweredSpec {
    let path: String

    /// `paths` is the YAML under `paths:`, indented by two spaces per level from column 0.
    init(paths: String, components: String = "", servers: String = "") throws {
        var text = "openapi: 3.0.3\ninfo: {title: T, version: \"1\"}\n"
        if !servers.isEmpty { text += "servers:\n" + Self.indented(servers) }
        text += "paths:\n" + Self.indented(paths)
        if !components.isEmpty { text += "components:\n" + Self.indented(components) }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-lowered-\(UUID().uuidString).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        path = url.path
    }

    private static func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n") + "\n"
    }

    func lower(_ options: LoweringOptions = LoweringOptions()) throws -> IRLowering.Result {
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try IRLowering.lower(specAt: path, displayPath: "spec.yaml", moduleName: "Lowered", options: options)
    }

    func generate(_ options: LoweringOptions = LoweringOptions()) throws -> Generation {
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try Generation.run(
            specPath: path, displayPath: "spec.yaml", options: GeneratorOptions(moduleName: "Lowered", lowering: options)
        )
    }
}

extension IRModule {
    func operation(_ operationId: String) -> IROperation? {
        operations.first { $0.operationId == operationId }
    }
}
