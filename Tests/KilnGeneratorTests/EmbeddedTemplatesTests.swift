import Foundation
import KilnGenerator
import XCTest

/// The templates compiled into `kiln` are exactly the files in `Templates/`.
final class EmbeddedTemplatesTests: XCTestCase {
    func testEmbeddedTemplatesMatchTemplatesFolder() throws {
        let folder = GoldenFiles.packageRoot.appendingPathComponent("Templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".stencil") }.sorted()
        XCTAssertEqual(ClientGenerator.builtInTemplateNames, names, "run scripts/embed-templates")
        for name in names {
            let onDisk = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            XCTAssertEqual(ClientGenerator.builtInTemplate(named: name), onDisk, "\(name) changed: run scripts/embed-templates")
        }
    }
}
