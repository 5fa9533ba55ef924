import KilnTemplates
import XCTest

/// The `argumentList` filter: `a, b` when short, one argument per line when long.
final class ArgumentListTests: XCTestCase {
    func testShortListsStayOnOneLine() throws {
        XCTAssertEqual(try render("f({{ xs|argumentList:8 }})", ["xs": ["a: Int", "b: String?"]]), "f(a: Int, b: String?)")
        XCTAssertEqual(try render("f({{ xs|argumentList:8 }})", ["xs": []]), "f()")
    }

    func testTheLimitIsEightyCharactersOfArguments() throws {
        let fits = String(repeating: "x", count: 77)  // "a, " + 77 = 80
        XCTAssertEqual(try render("{{ xs|argumentList:0 }}", ["xs": ["a", .string(fits)]]), "a, " + fits)
        XCTAssertEqual(ArgumentListLayout.maximumInlineLength, 80)
        let long = fits + "x"
        XCTAssertEqual(try render("{{ xs|argumentList:0 }}", ["xs": ["a", .string(long)]]), "\n    a,\n    \(long)\n")
    }

    func testWrappedArgumentsGoOneLevelDeeperThanTheColumn() throws {
        let template = """
                init({{ parameters|argumentList:4 }}) {
                }
            """
        let parameters: TemplateValue = ["identifier: String", "includeCredential: [IncludeCredential]? = nil", "page: Int? = nil"]
        XCTAssertEqual(try render(template, ["parameters": parameters]), """
                init(
                    identifier: String,
                    includeCredential: [IncludeCredential]? = nil,
                    page: Int? = nil
                ) {
                }
            """)
    }

    func testACapturedStringGivesOneArgumentPerNonBlankLine() throws {
        let template = """
            {% capture arguments %}
            {% for p in ps %}
                {{ p }}: {{ p }}
            {% endfor %}

            body: body
            {% endcapture %}
            self.init({{ arguments|argumentList:0 }})
            """
        XCTAssertEqual(try render(template, ["ps": ["a", "b"]]), "self.init(a: a, b: b, body: body)")
        XCTAssertEqual(try render("{{ s|argumentList:0 }}", ["s": "  x \r\n\n\ty\t\r\n"]), "x, y")
    }

    func testErrors() {
        assertRenderingFails("{{ n|argumentList:0 }}", ["n": 3], with: """
            Templates/main.stencil:1:6: error: filter 'argumentList': expects a string (one argument per line) or an array of strings, got int
            """)
        assertRenderingFails("{{ xs|argumentList:0 }}", ["xs": ["a", 1]],
                             with: "Templates/main.stencil:1:7: error: filter 'argumentList': expects an array of strings, got an int in it")
        assertRenderingFails("{{ s|argumentList }}", ["s": "a"],
                             with: "Templates/main.stencil:1:6: error: filter 'argumentList': expects 1 argument, got 0")
        assertRenderingFails(#"{{ s|argumentList:"4" }}"#, ["s": "a"],
                             with: "Templates/main.stencil:1:6: error: filter 'argumentList': argument 1 must be an int, got string")
        assertRenderingFails("{{ s|argumentList:n }}", ["s": "a", "n": -1],
                             with: "Templates/main.stencil:1:6: error: filter 'argumentList': argument 1 must be a column from 0 to 1000, got -1")
    }

    func testTheCheckerKnowsTheResultIsAString() {
        XCTAssertEqual(checkDiagnostics("{% set s = type.conformances|argumentList:0 %}{{ s.x }}", against: StructFileView.self), [
            "Templates/main.stencil:1:52: error: 's' is a string and has no member 'x'",
        ])
    }
}
