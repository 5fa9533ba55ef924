import KilnTemplates
import XCTest

final class VariableTests: XCTestCase {
    func testTextWithoutTagsIsCopiedExactly() throws {
        let text = "struct A {\n\tlet x = [1: \"a\"] // { } %} #} → ✓\n}\n"
        XCTAssertEqual(try render(text), text)
        XCTAssertEqual(try render(""), "")
    }

    func testPrintsVariables() throws {
        XCTAssertEqual(try render("Hello, {{ name }}!", ["name": "World"]), "Hello, World!")
        XCTAssertEqual(try render("{{name}}{{   name   }}", ["name": "a"]), "aa")
    }

    func testPrintsEachKindOfValue() throws {
        let context: [String: TemplateValue] = [
            "int": 42, "yes": true, "no": false, "none": nil, "list": ["a", 1, true],
        ]
        XCTAssertEqual(try render("{{ int }}|{{ yes }}|{{ no }}|{{ none }}|{{ list }}", context), "42|true|false||a, 1, true")
    }

    func testDictionaryMembers() throws {
        let context: [String: TemplateValue] = ["type": ["name": "Pet", "owner": ["name": "Ann"]]]
        XCTAssertEqual(try render("{{ type.name }} of {{ type.owner.name }}", context), "Pet of Ann")
    }

    func testArrayMembers() throws {
        let context: [String: TemplateValue] = ["items": ["a", "b", "c"], "rows": [["x", "y"]]]
        XCTAssertEqual(
            try render("{{ items.0 }}{{ items.2 }} {{ items.count }} {{ items.first }}{{ items.last }} {{ rows.0.1 }}", context),
            "ac 3 ac y"
        )
    }

    func testStringCountMember() throws {
        XCTAssertEqual(try render("{{ name.count }}", ["name": "héllo"]), "5")
    }

    func testKeywordsCanBeMemberNames() throws {
        // OpenAPI parameters have an `in` field.
        let context: [String: TemplateValue] = ["param": ["in": "query", "not": "x", "true": "y"]]
        XCTAssertEqual(try render("{{ param.in }} {{ param.not }} {{ param.true }}", context), "query x y")
    }

    func testStringLiterals() throws {
        XCTAssertEqual(try render(#"{{ "double" }} {{ 'single' }}"#), "double single")
        XCTAssertEqual(try render(#"{{ "say \"hi\"" }} {{ 'it\'s' }} {{ "back\\slash" }}"#), #"say "hi" it's back\slash"#)
        XCTAssertEqual(try render(#"{{ "a\nb\tc" }}"#), "a\nb\tc")
        XCTAssertEqual(try render(#"{{ "ünïcödé ✓" }}"#), "ünïcödé ✓")
    }

    func testStringLiteralsMayContainTagDelimiters() throws {
        XCTAssertEqual(try render(#"{{ "}}" }}{{ '%}' }}{% set x = "{{ }}" %}{{ x }}"#), "}}%}{{ }}")
    }

    func testIntegerBooleanAndNullLiterals() throws {
        XCTAssertEqual(try render("{{ 42 }} {{ -7 }} {{ 0 }} {{ true }} {{ false }}[{{ nil }}][{{ null }}]"), "42 -7 0 true false[][]")
    }

    func testBraceBeforeATagStaysText() throws {
        // Swift braces right next to a tag: the tag opener is the last `{{`.
        XCTAssertEqual(try render("{{{ name }}}", ["name": "body"]), "{body}")
        XCTAssertEqual(try render("{{% if true %}x{% endif %}}"), "{x}")
        XCTAssertEqual(try render("{{# note #}}"), "{}")
    }

    func testNullValuePrintsNothingButIsDefined() throws {
        XCTAssertEqual(try render("[{{ type.format }}]", ["type": ["format": nil]]), "[]")
    }
}
