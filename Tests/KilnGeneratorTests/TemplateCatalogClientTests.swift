@testable import KilnGenerator
import KilnTemplates
import XCTest

/// The client's templates check against their view models, and a template naming a member its
/// model lacks is caught before anything is rendered.
final class TemplateCatalogClientTests: XCTestCase {
    /// The built-in templates, with the generator's filters, as `ClientGenerator` loads them.
    private func builtInEnvironment(overriding overrides: [String: String] = [:]) -> TemplateEnvironment {
        let builtIn = DictionaryTemplateLoader(EmbeddedTemplates.all, displayPrefix: "Templates/")
        let loader: any TemplateLoader = overrides.isEmpty
            ? builtIn : ChainTemplateLoader([DictionaryTemplateLoader(overrides, displayPrefix: "MyTemplates/"), builtIn])
        return TemplateEnvironment(loader: loader, filters: SwiftSyntaxFilters.all)
    }

    func testEveryClientEntryChecksAgainstItsModel() throws {
        let environment = builtInEnvironment()
        XCTAssertFalse(TemplateCatalog.client.isEmpty)
        for entry in TemplateCatalog.client {
            XCTAssertNoThrow(try entry.check(environment), entry.template)
        }
    }

    func testClientEntriesNameEveryClientTemplate() {
        let catalogued = Set(TemplateCatalog.client.map(\.template))
        for name in ["Client.swift.stencil", "Operations.swift.stencil", "OperationTypes.swift.stencil", "RequestStatements.stencil",
                     "README.md.stencil", "RequestBodyValidation.swift.stencil", "OperationNamespace.swift.stencil"] {
            XCTAssertTrue(catalogued.contains(name), name)
            XCTAssertNotNil(ClientGenerator.builtInTemplate(named: name), name)
        }
        XCTAssertTrue(Set(TemplateCatalog.entries.map(\.template)).isSuperset(of: catalogued))
    }

    func testMisspelledMemberInAnOverriddenPartialIsFoundByItsIncludersCheck() throws {
        let builtIn = try XCTUnwrap(ClientGenerator.builtInTemplate(named: "RequestStatements.stencil"))
        let misspelled = builtIn.replacingOccurrences(of: "request.operationId", with: "request.operationID")
        let environment = builtInEnvironment(overriding: ["RequestStatements.stencil": misspelled])
        let entry = try XCTUnwrap(TemplateCatalog.client.first { $0.template == "RequestStatements.stencil" })
        XCTAssertThrowsError(try entry.check(environment)) { error in
            let text = String(describing: error)
            XCTAssertTrue(text.contains("MyTemplates/RequestStatements.stencil:"), text)
            XCTAssertTrue(text.contains("'RequestView' has no member 'operationID'"), text)
        }
    }

    func testMisspelledMemberInARootTemplateIsFound() throws {
        let builtIn = try XCTUnwrap(ClientGenerator.builtInTemplate(named: "Operations.swift.stencil"))
        let misspelled = builtIn.replacingOccurrences(of: "operation.rawName", with: "operation.rawname")
        let environment = builtInEnvironment(overriding: ["Operations.swift.stencil": misspelled])
        let entry = try XCTUnwrap(TemplateCatalog.client.first { $0.template == "Operations.swift.stencil" })
        XCTAssertThrowsError(try entry.check(environment)) { error in
            XCTAssertTrue(String(describing: error).contains("'OperationView' has no member 'rawname'"), String(describing: error))
        }
    }
}
