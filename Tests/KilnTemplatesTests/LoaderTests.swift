import Foundation
import KilnDiagnostics
import KilnTemplates
import XCTest

final class LoaderTests: XCTestCase {
    private var directory: String = ""

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("KilnTemplatesTests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory + "/partials", withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(atPath: directory)
    }

    private func write(_ text: String, to name: String) throws {
        try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
    }

    func testDictionaryLoader() throws {
        let loader = DictionaryTemplateLoader(["a.stencil": "A"], displayPrefix: "builtin/")
        XCTAssertEqual(try loader.loadTemplate(named: "a.stencil"), TemplateSource(text: "A", displayPath: "builtin/a.stencil"))
        XCTAssertNil(try loader.loadTemplate(named: "b.stencil"))
        XCTAssertEqual(try DictionaryTemplateLoader(["a": "A"]).loadTemplate(named: "a")?.displayPath, "a")
    }

    func testDirectoryLoaderReadsFilesAndSubfolders() throws {
        try write("Hello {{ name }}", to: "greeting.stencil")
        try write("nested", to: "partials/p.stencil")
        let loader = DirectoryTemplateLoader(directory: directory)
        XCTAssertEqual(
            try loader.loadTemplate(named: "greeting.stencil"),
            TemplateSource(text: "Hello {{ name }}", displayPath: directory + "/greeting.stencil")
        )
        XCTAssertEqual(try loader.loadTemplate(named: "partials/p.stencil")?.text, "nested")
        XCTAssertNil(try loader.loadTemplate(named: "missing.stencil"))
        XCTAssertNil(try loader.loadTemplate(named: "partials"), "a folder is not a template")
        XCTAssertEqual(try DirectoryTemplateLoader(directory: directory + "/").loadTemplate(named: "greeting.stencil")?.displayPath,
                       directory + "/greeting.stencil")
    }

    func testDirectoryTemplateDiagnosticsNameTheFile() throws {
        try write("ok\n{{ missing }}", to: "bad.stencil")
        let environment = TemplateEnvironment(loader: DirectoryTemplateLoader(directory: directory))
        XCTAssertThrowsError(try environment.render(templateNamed: "bad.stencil", context: [:])) { error in
            XCTAssertEqual((error as? DiagnosticError)?.description, "\(self.directory)/bad.stencil:2:4: error: undefined variable 'missing'")
        }
    }

    func testChainPrefersTheFirstLoaderThatHasTheName() throws {
        let user = DictionaryTemplateLoader(["header.stencil": "// user header\n"], displayPrefix: "user/")
        let builtIn = DictionaryTemplateLoader(
            ["header.stencil": "// built-in header\n", "file.stencil": "{% include \"header.stencil\" %}\nbody"],
            displayPrefix: "builtin/"
        )
        let chain = ChainTemplateLoader([user, builtIn])
        XCTAssertEqual(try chain.loadTemplate(named: "header.stencil")?.displayPath, "user/header.stencil")
        XCTAssertEqual(try chain.loadTemplate(named: "file.stencil")?.displayPath, "builtin/file.stencil")
        XCTAssertNil(try chain.loadTemplate(named: "other.stencil"))
        // A built-in template picks up the user's override of the partial it includes. The include
        // line vanishes; the partial's own final newline ends it.
        let environment = TemplateEnvironment(loader: chain)
        XCTAssertEqual(try environment.render(templateNamed: "file.stencil", context: [:]), "// user header\nbody")
    }

    func testChainWithADirectoryOverride() throws {
        try write("from disk", to: "t.stencil")
        let chain = ChainTemplateLoader([
            DirectoryTemplateLoader(directory: directory),
            DictionaryTemplateLoader(["t.stencil": "embedded", "u.stencil": "embedded u"]),
        ])
        let environment = TemplateEnvironment(loader: chain)
        XCTAssertEqual(try environment.render(templateNamed: "t.stencil", context: [:]), "from disk")
        XCTAssertEqual(try environment.render(templateNamed: "u.stencil", context: [:]), "embedded u")
    }

    func testLoaderFailuresAreReportedAtTheInclude() {
        struct FailingLoader: TemplateLoader {
            struct Failure: Error, CustomStringConvertible {
                var description: String { "permission denied" }
            }

            func loadTemplate(named name: String) throws -> TemplateSource? {
                if name == "main" { return TemplateSource(text: "\n {% include \"locked\" %}", displayPath: "main") }
                throw Failure()
            }
        }
        let environment = TemplateEnvironment(loader: FailingLoader())
        XCTAssertThrowsError(try environment.render(templateNamed: "main", context: [:])) { error in
            XCTAssertEqual((error as? DiagnosticError)?.description, "main:2:2: error: cannot load template 'locked': permission denied")
        }
    }

    func testTemplatesAreParsedOnceAndReusable() throws {
        let loader = CountingLoader(DictionaryTemplateLoader(["t": "{{ x }}"]))
        let environment = TemplateEnvironment(loader: loader)
        let template = try environment.template(named: "t")
        XCTAssertEqual(template.name, "t")
        XCTAssertEqual(template.displayPath, "t")
        XCTAssertEqual(try environment.render(template, context: ["x": 1]), "1")
        XCTAssertEqual(try environment.render(templateNamed: "t", context: ["x": 2]), "2")
        XCTAssertEqual(loader.loads, ["t": 1])
    }
}
