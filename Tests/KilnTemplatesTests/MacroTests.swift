import KilnDiagnostics
import KilnTemplates
import XCTest

/// `{% macro %}`, `{% call %}` and `{% import %}`.
final class MacroTests: XCTestCase {
    func testMacroIsCalledWithArguments() throws {
        let template = """
            {% macro field(name, type) %}
            let {{ name }}: {{ type }}
            {% endmacro %}
            {% call field("a", "Int") %}
            {% for p in props %}{% call field(p.name|upper, p.type) %}{% endfor %}
            """
        XCTAssertEqual(try render(template, ["props": [["name": "b", "type": "String"]]]), "let a: Int\nlet B: String\n")
    }

    func testMacrosCanBeCalledBeforeTheirDefinitionAndRecursively() throws {
        let template = """
            {% call node(tree) %}
            {% macro node(n) %}({{ n.name }}{% for c in n.children %}{% call node(c) %}{% endfor %}){% endmacro %}
            """
        let tree: TemplateValue = ["name": "a", "children": [["name": "b", "children": []], ["name": "c", "children": []]]]
        XCTAssertEqual(try render(template, ["tree": tree]), "(a(b)(c))")
    }

    func testStandaloneCallIsIndentedLikeAStandaloneInclude() throws {
        let template = """
            {% macro body(name) %}
            let {{ name }} = 1

            print({{ name }})
            {% endmacro %}
            func f() {
                {% call body("x") %}
                {%- call body("y") %}
            }
            """
        XCTAssertEqual(try render(template), "func f() {\n    let x = 1\n\n    print(x)\nlet y = 1\n\nprint(y)\n}")
    }

    func testMacroBodySeesItsParametersAndTheContextOnly() throws {
        let template = #"{% macro show(x) %}{{ x }}{{ global }}{% if forloop %}{% endif %}{% endmacro %}{% for i in items %}{% call show(i) %}{% endfor %}"#
        assertRenderingFails(template, ["items": [1], "global": "g"],
                             with: "Templates/main.stencil:1:45: error: undefined variable 'forloop'")
        let scoped = #"{% macro show() %}{{ hidden }}{% endmacro %}{% set hidden = 1 %}{% call show() %}"#
        assertRenderingFails(scoped, with: "Templates/main.stencil:1:22: error: undefined variable 'hidden'")
        XCTAssertEqual(try render(#"{% macro show(x) %}{{ x }}{{ g }}{% endmacro %}{% call show(1) %}"#, ["g": "!"]), "1!")
    }

    func testImportedMacros() throws {
        let partials = [
            "Macros.stencil": """
                {% import "Base.stencil" %}
                {% macro greet(who) %}{% call word() %}, {{ who }}{% endmacro %}
                """,
            "Base.stencil": "{% macro word() %}Hello{% endmacro %}",
        ]
        XCTAssertEqual(try render(#"{% import "Macros.stencil" %}{% call greet("you") %}/{% call word() %}"#, partials: partials), "Hello, you/Hello")
    }

    func testCallInsideAnIncludeUsesTheIncludedTemplatesMacros() throws {
        let partials = ["p.stencil": "{% macro m() %}P{% endmacro %}{% call m() %}"]
        XCTAssertEqual(try render(#"{% macro m() %}M{% endmacro %}{% call m() %}{% include "p.stencil" %}{% call m() %}"#, partials: partials), "MPM")
    }

    func testDashesTrimAroundMacroTags() throws {
        let template = "{%- macro m(x) -%}\n  [{{ x }}]\n{%- endmacro -%}\n<{%- call m(1) -%}>"
        XCTAssertEqual(try render(template), "<[1]>")
    }

    // MARK: - Errors

    func testUnknownMacroAndArgumentCountAreLoadErrors() {
        assertRenderingFails("{% macro field(a) %}{% endmacro %}\n{% if false %}{% call feild(1) %}{% endif %}",
                             with: "Templates/main.stencil:2:23: error: unknown macro 'feild' (did you mean 'field'?)")
        let diagnostics = renderingDiagnostics("{% macro field(a, b) %}{% endmacro %}{% call field(1) %}")
        XCTAssertEqual(diagnostics.map(\.description), [
            "Templates/main.stencil:1:46: error: macro 'field' takes 2 arguments, got 1",
            "Templates/main.stencil:1:1: note: 'field(a, b)' defined here",
        ])
    }

    func testMacroSyntaxErrors() {
        assertRenderingFails("{% macro m(a) %}x",
                             with: "Templates/main.stencil:1:18: error: unclosed 'macro' tag (opened at line 1)")
        assertRenderingFails("{% if true %}{% macro m() %}{% endmacro %}{% endif %}",
                             with: "Templates/main.stencil:1:14: error: 'macro' must be at the top level of a template, not inside 'if' (opened at line 1)")
        assertRenderingFails("{% macro m(a, a) %}{% endmacro %}",
                             with: "Templates/main.stencil:1:15: error: parameter 'a' is declared twice")
        assertRenderingFails("{% macro m %}{% endmacro %}",
                             with: "Templates/main.stencil:1:12: error: expected '(' after the macro name")
        let twice = renderingDiagnostics("{% macro m() %}{% endmacro %}\n{% macro m() %}{% endmacro %}")
        XCTAssertEqual(twice.map(\.description), [
            "Templates/main.stencil:2:10: error: macro 'm' is defined twice",
            "Templates/main.stencil:1:1: note: 'm' first defined here",
        ])
        assertRenderingFails("{% call m(1 %}{% macro m(a) %}{% endmacro %}",
                             with: "Templates/main.stencil:1:13: error: expected ')' after the arguments")
        assertRenderingFails("{% endmacro %}", with: "Templates/main.stencil:1:1: error: unexpected 'endmacro'")
    }

    func testImportErrors() {
        assertRenderingFails(#"{% import "Nope.stencil" %}"#, with: "Templates/main.stencil:1:1: error: template 'Nope.stencil' not found")
        assertRenderingFails("{% import name %}", with: "Templates/main.stencil:1:11: error: 'import' needs a template name in quotes")
        let cycle = renderingDiagnostics(#"{% import "a.stencil" %}"#, partials: ["a.stencil": #"{% import "main.stencil" %}"#])
        XCTAssertEqual(cycle.first?.description, "Templates/a.stencil:1:1: error: template 'main.stencil' imports itself (through the templates it imports)")
    }

    func testRunawayRecursionIsAnErrorNotACrash() {
        let diagnostics = renderingDiagnostics("{% macro m(x) %}{% call m(x) %}{% endmacro %}{% call m(1) %}")
        XCTAssertEqual(
            diagnostics.first?.description,
            "Templates/main.stencil:1:25: error: call of macro 'm' nested deeper than 64 levels; does it call itself without end?"
        )
        XCTAssertEqual(diagnostics.last?.description, "Templates/main.stencil:1:25: note: in macro 'm' called from here")
    }
}
