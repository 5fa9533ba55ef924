import KilnTemplates
import XCTest

/// `{% capture name %}…{% endcapture %}`: a body's output bound to a variable instead of printed.
final class CaptureTests: XCTestCase {
    func testBindsTheRenderedBodyAndPrintsNothing() throws {
        XCTAssertEqual(try render("<{% capture x %}a{{ n }}b{% endcapture %}>[{{ x }}][{{ x|count }}]", ["n": 1]), "<>[a1b][3]")
    }

    func testStatementLinesVanishInsideAndAround() throws {
        let template = """
            {% capture list %}
            {% for p in ps %}
            {{ p }}
            {% endfor %}
            {% endcapture %}
            [{{ list }}]
            """
        XCTAssertEqual(try render(template, ["ps": ["a", "b"]]), "[a\nb\n]")
    }

    func testDashesStrip() throws {
        XCTAssertEqual(try render("{% capture x -%}\n  a\n{%- endcapture %}[{{ x }}]"), "[a]")
    }

    func testStandaloneCallsAndIncludesInsideAreIndentedByTheEngine() throws {
        let template = """
            {% macro pair() %}
            a
            b
            {% endmacro %}
            {% capture x %}
                {% call pair() %}
              {% include "p.stencil" %}
            {% endcapture %}
            {{ x }}
            """
        XCTAssertEqual(try render(template, partials: ["p.stencil": "c\n"]), "    a\n    b\n  c\n")
    }

    func testRebindsLikeSetInTheSameScope() throws {
        XCTAssertEqual(try render(#"{% set x = "a" %}{% capture x %}b{% endcapture %}{{ x }}"#), "b")
    }

    func testEachLoopIterationCapturesAfresh() throws {
        let template = "{% for i in xs %}{% capture c %}<{{ i }}>{% endcapture %}{{ c }}{% endfor %}"
        XCTAssertEqual(try render(template, ["xs": [1, 2]]), "<1><2>")
    }

    func testCapturesNestAndSeeTheEnclosingNames() throws {
        let template = "{% capture outer %}{% capture inner %}{{ n }}{% endcapture %}({{ inner }}){% endcapture %}{{ outer }}"
        XCTAssertEqual(try render(template, ["n": 7]), "(7)")
    }

    // MARK: - Errors

    func testParseErrors() {
        assertRenderingFails("{% capture x %}a", with: "Templates/main.stencil:1:17: error: unclosed 'capture' tag (opened at line 1)")
        assertRenderingFails("{% capture %}{% endcapture %}",
                             with: "Templates/main.stencil:1:12: error: expected a variable name after 'capture'")
        assertRenderingFails("{% capture x y %}{% endcapture %}", with: "Templates/main.stencil:1:14: error: unexpected 'y'; expected '%}'")
        assertRenderingFails("{% capture x %}{% endcapture x %}", with: "Templates/main.stencil:1:30: error: unexpected 'x'; expected '%}'")
        assertRenderingFails("{% if true %}{% endcapture %}{% endif %}",
                             with: "Templates/main.stencil:1:14: error: unexpected 'endcapture' inside 'if' (opened at line 1)")
    }

    func testErrorsInTheBodyPointIntoIt() {
        assertRenderingFails("{% capture x %}\n  {{ n|upper }}{% endcapture %}", ["n": 3],
                             with: "Templates/main.stencil:2:8: error: filter 'upper': expects a string, got int")
    }

    func testUnknownMacrosInTheBodyAreLoadErrors() {
        assertRenderingFails("{% macro field() %}{% endmacro %}{% if false %}{% capture x %}{% call feild() %}{% endcapture %}{% endif %}",
                             with: "Templates/main.stencil:1:71: error: unknown macro 'feild' (did you mean 'field'?)")
    }

    // MARK: - Checking

    func testTheBodyIsCheckedAndTheVariableIsAString() {
        let template = "{% capture c %}{{ type.nmae }}{% endcapture %}{{ c.name }}{{ c|count }}"
        XCTAssertEqual(checkDiagnostics(template, against: StructFileView.self), [
            "Templates/main.stencil:1:24: error: 'StructView' has no member 'nmae' (did you mean 'name'?)",
            "Templates/main.stencil:1:52: error: 'c' is a string and has no member 'name'",
        ])
    }

    func testTheVariableIsKnownOnlyAfterTheBlock() {
        XCTAssertEqual(checkDiagnostics("{% capture c %}{{ c }}{% endcapture %}{{ c }}", against: StructFileView.self), [
            "Templates/main.stencil:1:19: error: undefined variable 'c'",
        ])
    }
}
