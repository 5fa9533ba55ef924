import Foundation
import KilnDiagnostics
import KilnGenerator
import XCTest

/// The model and server templates in `TemplateCatalog`: each checks against its view model,
/// each is catalogued, and an override naming a member its model lacks is an error at its line
/// before anything renders.
final class TemplateCatalogModelTests: XCTestCase {
    /// The templates of this part: the models, their partials, the shared header and the server.
    static let ownTemplates: Set<String> = [
        "ModelFile.swift.stencil", "Declaration.stencil", "Struct.stencil", "StructCoding.stencil", "Enum.stencil",
        "AnyOf.stencil", "Union.stencil", "Alias.stencil", "NestedTypes.stencil", "TypeName.stencil", "FileHeader.stencil",
        "Server.FormDecoder.swift.stencil", "Server.InProcessTransport.swift.stencil", "Server.Runtime.swift.stencil",
        "Server.APIHandler.swift.stencil", "Server.Operations.swift.stencil", "Server.Router.swift.stencil",
    ]

    func testModelAndServerTemplatesAreCatalogued() throws {
        let catalogued = Set(TemplateCatalog.entries.map(\.template))
        XCTAssertEqual(Self.ownTemplates.subtracting(catalogued), [])
        let folder = GoldenFiles.packageRoot.appendingPathComponent("Templates")
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        XCTAssertEqual(Self.ownTemplates.subtracting(files), [], "catalogued here but not in Templates/")
    }

    func testBuiltInTemplatesCheckAgainstTheirModels() {
        XCTAssertNoThrow(try TemplateCatalog.checkAll())
    }

    func testModelPartialsNameTheirModel() {
        let entries = TemplateCatalog.entries.filter {
            // FileHeader and TypeName are shared with the client, which catalogues TypeName.
            Self.ownTemplates.contains($0.template) && !["FileHeader.stencil", "TypeName.stencil"].contains($0.template)
                && !$0.template.hasPrefix("Server.")
        }
        XCTAssertEqual(Set(entries.map(\.viewModel)), ["ModelFileView"])
    }

    /// A user's `Struct.stencil` with a misspelt member fails the check, at the member.
    func testOverrideWithAnUnknownMemberIsAnErrorAtItsLocation() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var template = try XCTUnwrap(ClientGenerator.builtInTemplate(named: "Struct.stencil"))
        template = template.replacingOccurrences(of: "{% for property in object.properties %}", with: "{% for property in object.propertys %}")
        try template.write(to: folder.appendingPathComponent("Struct.stencil"), atomically: true, encoding: .utf8)

        XCTAssertThrowsError(try TemplateCatalog.checkAll(templatesDirectory: folder.path)) { error in
            let messages = (error as? DiagnosticError)?.diagnostics.map(\.description) ?? []
            XCTAssertTrue(
                messages.contains { $0.contains("Struct.stencil:") && $0.contains("'ObjectView' has no member 'propertys' (did you mean 'properties'?)") },
                messages.joined(separator: "\n")
            )
        }
    }
}
