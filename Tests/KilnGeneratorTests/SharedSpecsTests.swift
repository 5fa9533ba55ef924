import Foundation
import KilnGenerator
import XCTest

/// Every spec in `../shared/specs` generates, and the output type-checks as Swift 6 without warnings.
final class SharedSpecsTests: XCTestCase {
    static let specsDirectory = GoldenFiles.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/specs")

    func testEverySharedSpecGeneratesCompilableSwift() throws {
        let specs = try FileManager.default.contentsOfDirectory(atPath: Self.specsDirectory.path)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }
            .sorted()
        XCTAssertGreaterThanOrEqual(specs.count, 9, "expected the shared specs beside the package")
        for spec in specs {
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-shared-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: output) }
            let generation = try Generation.run(
                specPath: Self.specsDirectory.appendingPathComponent(spec).path,
                displayPath: spec,
                options: GeneratorOptions(moduleName: "SharedSpec")
            )
            XCTAssertFalse(generation.files.isEmpty, spec)
            XCTAssertTrue(generation.diagnostics.allSatisfy { $0.severity != .error }, "\(spec): \(generation.diagnostics)")
            _ = try OutputWriter(directory: output.path).write(generation.files)
            try SwiftCompiler.typeCheck(directory: output, moduleName: "SharedSpec")
        }
    }
}
