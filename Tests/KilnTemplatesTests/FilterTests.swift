import KilnTemplates
import XCTest

final class FilterTests: XCTestCase {
    func testCaseFilters() throws {
        let context: [String: TemplateValue] = ["s": "userID", "u": "URLPath", "e": ""]
        XCTAssertEqual(try render("{{ s|upper }} {{ s|lower }}", context), "USERID userid")
        XCTAssertEqual(try render("{{ s|capitalize }} {{ u|lowerFirst }} [{{ e|capitalize }}{{ e|lowerFirst }}]", context), "UserID uRLPath []")
    }

    func testFiltersChainLeftToRight() throws {
        XCTAssertEqual(try render("{{ s|lower|capitalize }}", ["s": "HELLO"]), "Hello")
    }

    func testJoin() throws {
        let context: [String: TemplateValue] = ["names": ["a", "b", "c"], "mixed": [1, "x", true], "empty": []]
        XCTAssertEqual(try render(#"{{ names|join:", " }}|{{ names|join }}|{{ mixed|join:"-" }}|{{ empty|join:"," }}"#, context), "a, b, c|abc|1-x-true|")
    }

    func testFilterArgumentsCanBeVariables() throws {
        XCTAssertEqual(try render("{{ names|join:sep }}", ["names": ["a", "b"], "sep": " & "]), "a & b")
    }

    func testDefault() throws {
        let context: [String: TemplateValue] = ["none": nil, "empty": "", "zero": 0, "text": "t", "fallback": "f"]
        XCTAssertEqual(
            try render(#"{{ none|default:"d" }} {{ empty|default:fallback }} {{ zero|default:"d" }} {{ text|default:"d" }}"#, context),
            "d f 0 t"
        )
    }

    func testCount() throws {
        let context: [String: TemplateValue] = ["s": "héllo", "a": [1, 2], "d": ["k": 1], "e": []]
        XCTAssertEqual(try render("{{ s|count }} {{ a|count }} {{ d|count }} {{ e|count }}", context), "5 2 1 0")
    }

    func testFirstAndLast() throws {
        let context: [String: TemplateValue] = ["a": ["x", "y", "z"], "s": "abc", "e": [], "es": ""]
        XCTAssertEqual(try render("{{ a|first }}{{ a|last }} {{ s|first }}{{ s|last }} [{{ e|first }}{{ es|last }}]", context), "xz ac []")
    }

    func testReverse() throws {
        XCTAssertEqual(try render("{{ a|reverse|join }} {{ s|reverse }}", ["a": ["1", "2", "3"], "s": "abc"]), "321 cba")
    }

    func testIndent() throws {
        let context: [String: TemplateValue] = ["body": "line1\nline2\n\n  line4\n"]
        XCTAssertEqual(try render("{{ body|indent:4 }}", context), "line1\n    line2\n\n      line4\n")
        XCTAssertEqual(try render("{{ body|indent:2,true }}", context), "  line1\n  line2\n\n    line4\n")
        XCTAssertEqual(try render("{{ body|indent:0 }}", context), "line1\nline2\n\n  line4\n")
    }

    func testIndentPlacesAMultilineValueUnderItsTag() throws {
        let template = "struct A {\n    {{ members|indent:4 }}\n}\n"
        let context: [String: TemplateValue] = ["members": "let a: Int\n\nlet b: Int"]
        XCTAssertEqual(try render(template, context), "struct A {\n    let a: Int\n\n    let b: Int\n}\n")
    }

    func testIndentKeepsCRLFLineEndings() throws {
        XCTAssertEqual(try render("{{ s|indent:2 }}", ["s": "a\r\nb\r\n\r\nc"]), "a\r\n  b\r\n\r\n  c")
    }

    func testReplace() throws {
        XCTAssertEqual(try render(#"{{ s|replace:"-","_" }} {{ s|replace:"a-","" }}"#, ["s": "a-b-a-c"]), "a_b_a_c b-c")
    }

    func testTrim() throws {
        XCTAssertEqual(try render("[{{ s|trim }}] [{{ blank|trim }}]", ["s": " \n\tx y \n", "blank": " \n "]), "[x y] []")
    }

    func testLines() throws {
        let context: [String: TemplateValue] = ["doc": "First line.\r\nSecond line.\n\nFourth.\n", "empty": ""]
        XCTAssertEqual(
            try render("{% for l in doc|lines %}/// {{ l }}|{% endfor %}{{ empty|lines|count }}", context),
            "/// First line.|/// Second line.|/// |/// Fourth.|0"
        )
    }

    func testIsEmpty() throws {
        let context: [String: TemplateValue] = ["n": nil, "s": "", "a": [], "d": [:], "full": ["x"]]
        XCTAssertEqual(try render("{{ n|isEmpty }} {{ s|isEmpty }} {{ a|isEmpty }} {{ d|isEmpty }} {{ full|isEmpty }}", context), "true true true true false")
    }

    func testCustomFiltersAreAddedAndOverrideBuiltins() throws {
        let filters: [String: TemplateFilter] = [
            "shout": { value, arguments in
                let suffix = arguments.first?.stringValue ?? "!"
                return .string((value.stringValue ?? "") + suffix)
            },
            "upper": { _, _ in "overridden" },
        ]
        XCTAssertEqual(try render(#"{{ s|shout }} {{ s|shout:"?" }} {{ s|upper }} {{ s|lower }}"#, ["s": "Hi"], filters: filters), "Hi! Hi? overridden hi")
    }

    func testCustomFilterErrorsAreLocatedAtTheFilter() {
        let filters: [String: TemplateFilter] = ["strict": { _, _ in throw TemplateFilterError("not today") }]
        assertRenderingFails("a\n  {{ s|strict }}", ["s": "x"], filters: filters,
                             with: "Templates/main.stencil:2:8: error: filter 'strict': not today")
    }

    func testWrongFilterInputOrArguments() {
        assertRenderingFails("{{ n|upper }}", ["n": 3], with: "Templates/main.stencil:1:6: error: filter 'upper': expects a string, got int")
        assertRenderingFails("{{ s|indent }}", ["s": "x"], with: "Templates/main.stencil:1:6: error: filter 'indent': expects 1 or 2 arguments, got 0")
        assertRenderingFails(#"{{ s|indent:"4" }}"#, ["s": "x"], with: "Templates/main.stencil:1:6: error: filter 'indent': argument 1 must be an int, got string")
        assertRenderingFails("{{ s|upper:1 }}", ["s": "x"], with: "Templates/main.stencil:1:6: error: filter 'upper': expects no arguments, got 1")
        assertRenderingFails("{{ s|default }}", ["s": "x"], with: "Templates/main.stencil:1:6: error: filter 'default': expects 1 argument, got 0")
        assertRenderingFails(#"{{ s|join:"," }}"#, ["s": "x"], with: "Templates/main.stencil:1:6: error: filter 'join': expects an array, got string")
        assertRenderingFails(#"{{ s|replace:"","x" }}"#, ["s": "x"], with: "Templates/main.stencil:1:6: error: filter 'replace': the text to replace must not be empty")
    }
}
