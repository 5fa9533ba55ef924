import KilnTemplates
import XCTest

/// `{% indent %}…{% endindent %}` and how it composes with standalone includes and calls.
final class IndentTests: XCTestCase {
    func testIndentsEveryNonEmptyLine() throws {
        let template = """
            enum E {
            {% indent 4 %}
            case a

            case b
            {% endindent %}
            }
            """
        XCTAssertEqual(try render(template), "enum E {\n    case a\n\n    case b\n}")
    }

    func testAmountFromAnExpressionOrAString() throws {
        XCTAssertEqual(try render("{% indent n %}a\nb\n{% endindent %}", ["n": 2]), "  a\n  b\n")
        XCTAssertEqual(try render("{% indent \"/// \" %}a\nb\n{% endindent %}"), "/// a\n/// b\n")
    }

    func testNestedBlocksAndIncludesCompose() throws {
        let partials = ["member.stencil": "let {{ m }}: Int\n"]
        let template = """
            {% indent 4 %}
            struct A {
                {% for m in members %}
                {% include "member.stencil" %}
                {% endfor %}
            {% indent 4 %}
            struct B {}
            {% endindent %}
            }
            {% endindent %}
            """
        XCTAssertEqual(try render(template, ["members": ["x", "y"]], partials: partials), """
                struct A {
                    let x: Int
                    let y: Int
                    struct B {}
                }

            """)
    }

    func testDashesStillStrip() throws {
        XCTAssertEqual(try render("[{%- indent 2 -%}\n  x\n{%- endindent -%}]"), "[  x]")
    }

    func testErrors() {
        assertRenderingFails("{% indent 2 %}x", with: "Templates/main.stencil:1:16: error: unclosed 'indent' tag (opened at line 1)")
        assertRenderingFails("{% indent -1 %}{% endindent %}", with: "Templates/main.stencil:1:11: error: 'indent' needs 0 to 1000 spaces, got -1")
        assertRenderingFails("{% indent n %}{% endindent %}", ["n": true],
                             with: "Templates/main.stencil:1:11: error: 'indent' needs a number of spaces or a string, got bool")
        assertRenderingFails("{% endindent %}", with: "Templates/main.stencil:1:1: error: unexpected 'endindent'")
    }

    func testDeeplyNestedBlocksAreAnErrorNotAStackOverflow() {
        let deep = String(repeating: "{% if true %}", count: 200) + String(repeating: "{% endif %}", count: 200)
        let diagnostics = renderingDiagnostics(deep)
        XCTAssertEqual(diagnostics.first?.message, "blocks nested deeper than 100 levels")
        let parentheses = "{{ " + String(repeating: "(", count: 500) + "1" + String(repeating: ")", count: 500) + " }}"
        XCTAssertEqual(renderingDiagnostics(parentheses).first?.message, "expression nested deeper than 100 levels")
    }
}
