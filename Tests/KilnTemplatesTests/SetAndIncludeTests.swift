import KilnTemplates
import XCTest

final class SetAndIncludeTests: XCTestCase {
    func testSetBindsInTheCurrentScope() throws {
        XCTAssertEqual(try render(#"{% set greeting = "Hi, " %}{% set greeting = greeting %}{{ greeting }}{{ name|upper }}"#, ["name": "ann"]), "Hi, ANN")
        XCTAssertEqual(try render("{% set n = items|count %}{{ n }}", ["items": [1, 2]]), "2")
    }

    func testSetShadowsTheContext() throws {
        XCTAssertEqual(try render("{{ x }}{% set x = 2 %}{{ x }}", ["x": 1]), "12")
    }

    func testSetInsideIfWritesTheEnclosingScope() throws {
        XCTAssertEqual(try render(#"{% set k = "a" %}{% if true %}{% set k = "b" %}{% endif %}{{ k }}"#), "b")
    }

    func testForBodyIsItsOwnScope() throws {
        // A `set` in the body neither escapes the loop nor survives into the next iteration.
        let template = #"{% set last = "none" %}{% for x in xs %}{% if forloop.first %}{% set seen = x %}{% endif %}"#
            + #"{% set last = x %}{{ last }}{% endfor %} {{ last }}"#
        XCTAssertEqual(try render(template, ["xs": [1, 2]]), "12 none")
        assertRenderingFails(
            "{% for x in xs %}{% if forloop.first %}{% set seen = x %}{% endif %}{{ seen }}{% endfor %}",
            ["xs": [1, 2]],
            with: "Templates/main.stencil:1:72: error: undefined variable 'seen'"
        )
    }

    func testIncludeSeesTheCurrentContextAndScopes() throws {
        let partials = ["property.stencil": "let {{ p.name }}: {{ type }}{{ suffix }}"]
        let template = #"{% set suffix = "?" %}{% for p in props %}{% include "property.stencil" %};{% endfor %}"#
        let context: [String: TemplateValue] = ["props": [["name": "a"], ["name": "b"]], "type": "Int"]
        XCTAssertEqual(try render(template, context, partials: partials), "let a: Int?;let b: Int?;")
    }

    func testIncludeWithBindings() throws {
        let partials = ["field.stencil": "{{ label }}={{ value }}"]
        let template = #"{% include "field.stencil" with label="name", value=user.name|upper %} "#
            + #"{% include 'field.stencil' with value=user.tags|join:",", label="tags" %}"#
        let context: [String: TemplateValue] = ["user": ["name": "ann", "tags": ["x", "y"]]]
        XCTAssertEqual(try render(template, context, partials: partials), "name=ANN tags=x,y")
    }

    func testIncludeBindingsAreOnlyForTheInclude() throws {
        let partials = ["p.stencil": "{{ x }}{% set leaked = 1 %}"]
        XCTAssertEqual(try render(#"{% include "p.stencil" with x="in" %}{{ x }}"#, ["x": "out"], partials: partials), "inout")
        assertRenderingFails(
            #"{% include "p.stencil" with x=1 %}{{ leaked }}"#, partials: partials,
            with: "Templates/main.stencil:1:38: error: undefined variable 'leaked'"
        )
    }

    func testIncludeNameFromAnExpression() throws {
        let partials = ["a.stencil": "A", "b.stencil": "B"]
        XCTAssertEqual(try render("{% for t in names %}{% include t %}{% endfor %}", ["names": ["b.stencil", "a.stencil"]], partials: partials), "BA")
    }

    func testIncludedTemplatesAreParsedOnce() throws {
        let loader = CountingLoader(DictionaryTemplateLoader([
            "main.stencil": #"{% for x in xs %}{% include "p.stencil" %}{% endfor %}"#, "p.stencil": "{{ x }}",
        ]))
        let environment = TemplateEnvironment(loader: loader)
        XCTAssertEqual(try environment.render(templateNamed: "main.stencil", context: ["xs": [1, 2, 3]]), "123")
        XCTAssertEqual(try environment.render(templateNamed: "main.stencil", context: ["xs": [4]]), "4")
        XCTAssertEqual(loader.loads, ["main.stencil": 1, "p.stencil": 1])
    }

    func testRecursiveIncludeWithABaseCaseWorks() throws {
        let partials = ["node.stencil": "({{ node.name }}{% for node in node.children %}{% include \"node.stencil\" %}{% endfor %})"]
        let tree: TemplateValue = ["name": "a", "children": [["name": "b", "children": []], ["name": "c", "children": [["name": "d", "children": []]]]]]
        XCTAssertEqual(try render(#"{% include "node.stencil" with node=tree %}"#, ["tree": tree], partials: partials), "(a(b)(c(d)))")
    }
}

/// Counts how often each template is loaded, to check the environment's cache.
final class CountingLoader: TemplateLoader, @unchecked Sendable {
    private let base: any TemplateLoader
    /// Only touched from the test's thread.
    private(set) var loads: [String: Int] = [:]

    init(_ base: any TemplateLoader) {
        self.base = base
    }

    func loadTemplate(named name: String) throws -> TemplateSource? {
        loads[name, default: 0] += 1
        return try base.loadTemplate(named: name)
    }
}

final class IncludeBindingTests: XCTestCase {
    func testExpressionAsNameBindings() throws {
        let partials = ["field.stencil": "{{ label }}={{ value }}"]
        let template = #"{% include "field.stencil" with user.name|upper as value, "name" as label %} "#
            + #"{% include "field.stencil" with "tags" as label, user.tags|join:"," as value %}"#
        let context: [String: TemplateValue] = ["user": ["name": "ann", "tags": ["x", "y"]]]
        XCTAssertEqual(try render(template, context, partials: partials), "name=ANN tags=x,y")
    }

    func testBindingErrors() {
        assertRenderingFails(#"{% include "p" with x %}"#, with: "Templates/main.stencil:1:23: error: expected 'as' or '=' in an include binding")
        assertRenderingFails(#"{% include "p" with 1 as x, 2 as x %}"#, with: "Templates/main.stencil:1:34: error: 'x' is bound twice")
    }

    func testSelfInclusionWithoutEndIsAnError() {
        let diagnostics = renderingDiagnostics(#"{% include "main.stencil" with 1 as x %}"#)
        XCTAssertEqual(
            diagnostics.first?.description,
            "Templates/main.stencil:1:1: error: include of 'main.stencil' nested deeper than 64 levels; does a template include itself?"
        )
    }
}
