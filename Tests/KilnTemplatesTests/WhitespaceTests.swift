import KilnTemplates
import XCTest

final class WhitespaceTests: XCTestCase {
    private let properties: TemplateValue = [["name": "id", "type": "Int"], ["name": "email", "type": "String"]]

    // MARK: - Statement lines vanish

    func testIndentedStatementLinesProduceNoOutput() throws {
        let template = """
            struct {{ name }} {
                {% for p in props %}
                let {{ p.name }}: {{ p.type }}
                {% endfor %}
            }

            """
        XCTAssertEqual(
            try render(template, ["name": "User", "props": properties]),
            "struct User {\n    let id: Int\n    let email: String\n}\n"
        )
    }

    func testNestedBlocksAndCommentLinesAtAnyIndentation() throws {
        let template = """
            enum {{ name }} {
                {# One case per value. #}
                {% for c in cases %}
                    {% if c.doc %}
                /// {{ c.doc }}
                    {% endif %}
                case {{ c.name }}
                {% endfor %}
            }

            """
        let context: [String: TemplateValue] = ["name": "E", "cases": [["name": "a", "doc": "About a."], ["name": "b", "doc": nil]]]
        XCTAssertEqual(try render(template, context), "enum E {\n    /// About a.\n    case a\n    case b\n}\n")
    }

    func testSeparatedListAcrossLines() throws {
        let template = """
            init(
                {% for p in props %}
                {{ p.name }}: {{ p.type }}{% if not forloop.last %},{% endif %}
                {% endfor %}
            )
            """
        XCTAssertEqual(try render(template, ["props": properties]), "init(\n    id: Int,\n    email: String\n)")
    }

    func testConditionalImportBlock() throws {
        let template = """
            import Foundation
            {% if needsNetworking %}
            #if canImport(FoundationNetworking)
            import FoundationNetworking
            #endif
            {% endif %}

            struct A {}

            """
        XCTAssertEqual(try render(template, ["needsNetworking": false]), "import Foundation\n\nstruct A {}\n")
        XCTAssertEqual(
            try render(template, ["needsNetworking": true]),
            "import Foundation\n#if canImport(FoundationNetworking)\nimport FoundationNetworking\n#endif\n\nstruct A {}\n"
        )
    }

    func testBlankLinesAroundStatementLinesStay() throws {
        XCTAssertEqual(try render("a\n\n{% if t %}\nb\n{% endif %}\n\nc\n", ["t": true]), "a\n\nb\n\nc\n")
    }

    func testStatementLinesAtTheStartAndEndOfTheTemplate() throws {
        XCTAssertEqual(try render("{% if t %}\nx\n{% endif %}", ["t": true]), "x\n")
        XCTAssertEqual(try render("  {% set a = 1 %}  "), "")
        XCTAssertEqual(try render("{% set a = 1 %}\n{{ a }}"), "1")
    }

    func testOnlyALineWithASingleTagVanishes() throws {
        // Several tags on a line are left as written, so content-producing tags keep their spacing…
        let partials = ["a": "A", "b": "B"]
        XCTAssertEqual(try render("{% include \"a\" %} {% include \"b\" %}\nc", partials: partials), "A B\nc")
        // …and the newline after them stays: here it is inside the `if` body.
        XCTAssertEqual(try render("{% for x in xs %}{% if x %}\n{{ x }};{% endif %}{% endfor %}", ["xs": [1, 0, 2]]), "\n1;\n2;")
        // One tag per line gives clean output.
        XCTAssertEqual(try render("{% for x in xs %}\n  {% if x %}\n{{ x }}\n  {% endif %}\n{% endfor %}\n", ["xs": [1, 0, 2]]), "1\n2\n")
    }

    func testMultilineCommentLineVanishes() throws {
        XCTAssertEqual(try render("a\n  {# first\n     second #}\nb\n"), "a\nb\n")
    }

    func testCRLFLineEndings() throws {
        XCTAssertEqual(try render("a\r\n  {% if t %}\r\nb\r\n  {% endif %}\r\nc", ["t": true]), "a\r\nb\r\nc")
    }

    func testLinesWithTextOrOutputAreNeverTrimmed() throws {
        // Text around the tag on the same line: nothing is trimmed.
        XCTAssertEqual(try render("x {% if t %}y{% endif %}\n", ["t": true]), "x y\n")
        XCTAssertEqual(try render("  {% if t %}y\n{% endif %}\n", ["t": true]), "  y\n")
        // An `{{ }}` on the line keeps it, even when it prints nothing.
        XCTAssertEqual(try render("a\n  {{ e }}  \nb", ["e": ""]), "a\n    \nb")
        XCTAssertEqual(try render("  {% if t %}{{ v }}{% endif %}\n", ["t": true, "v": "V"]), "  V\n")
        XCTAssertEqual(try render("{{ v }}{% if t %}\nz\n{% endif %}", ["t": true, "v": "V"]), "V\nz\n")
    }

    // MARK: - Standalone includes

    func testStandaloneIncludeIsIndentedToTheTagsColumn() throws {
        let partials = ["members.stencil": "let a: Int\n\nlet b: Int\n"]
        XCTAssertEqual(
            try render("struct S {\n    {% include \"members.stencil\" %}\n}\n", partials: partials),
            "struct S {\n    let a: Int\n\n    let b: Int\n}\n"
        )
        XCTAssertEqual(try render("\t{% include \"members.stencil\" %}\n", partials: partials), "\tlet a: Int\n\n\tlet b: Int\n")
    }

    func testNestedStandaloneIncludesAddUpTheirIndentation() throws {
        let partials = [
            "enum.stencil": "enum {{ name }} {\n    {% for c in cases %}\n    {% include \"case.stencil\" %}\n    {% endfor %}\n}\n",
            "case.stencil": "/// {{ c }}\ncase {{ c }}\n",
        ]
        let template = "struct S {\n    {% include \"enum.stencil\" with name=\"Kind\" %}\n}\n"
        XCTAssertEqual(
            try render(template, ["cases": ["a", "b"]], partials: partials),
            "struct S {\n    enum Kind {\n        /// a\n        case a\n        /// b\n        case b\n    }\n}\n"
        )
    }

    func testInlineIncludeAndDashedIncludeAreNotIndented() throws {
        let partials = ["p": "a\nb"]
        XCTAssertEqual(try render("    x {% include \"p\" %}\n", partials: partials), "    x a\nb\n")
        XCTAssertEqual(try render("x:\n    {%- include \"p\" %}\ny", partials: partials), "x:a\nby")
    }

    // MARK: - Dashes

    func testDashesStripWhitespaceIncludingNewlines() throws {
        XCTAssertEqual(try render("a  \n  {{- x }}", ["x": "X"]), "aX")
        XCTAssertEqual(try render("{{ x -}}  \n  b", ["x": "X"]), "Xb")
        XCTAssertEqual(try render("a \n {%- if t -%} \n b{% endif %}", ["t": true]), "ab")
        XCTAssertEqual(try render("a\n\n{#- note -#}\n\nb"), "ab")
        XCTAssertEqual(try render("a {{- x -}} b {#- c #} d", ["x": "X"]), "aXb d")
    }

    func testDashesJoinALoopWrittenOverSeveralLinesIntoOne() throws {
        let template = """
            public init({% for p in props -%}
                {{ p.name }}: {{ p.type }}{% if not forloop.last %}, {% endif %}
            {%- endfor %}) {

            """
        XCTAssertEqual(try render(template, ["props": properties]), "public init(id: Int, email: String) {\n")
    }

    func testStatementLineWithDashesStillVanishesWithItsNewline() throws {
        // Line trimming is decided on the text as written; the dash then also eats the newline
        // before, so the lines around the tag join.
        XCTAssertEqual(try render("a\n{%- if t %}\nb\n{% endif %}\n", ["t": true]), "ab\n")
    }

    func testDashOnAStatementLineAlsoStripsThePreviousNewline() throws {
        XCTAssertEqual(try render("items:\n  {%- for x in xs %}\n [{{ x }}]\n  {%- endfor %}\n", ["xs": [1, 2]]), "items: [1] [2]")
    }

    func testNegativeNumberIsNotADash() throws {
        XCTAssertEqual(try render("a {{ -1 }} b"), "a -1 b")
    }
}
