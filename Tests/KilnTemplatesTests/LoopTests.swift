import KilnTemplates
import XCTest

final class LoopTests: XCTestCase {
    func testLoopsOverArrays() throws {
        XCTAssertEqual(try render("{% for x in items %}<{{ x }}>{% endfor %}", ["items": ["a", "b", "c"]]), "<a><b><c>")
    }

    func testForloopFields() throws {
        let template = "{% for x in items %}{{ forloop.counter }}/{{ forloop.counter0 }}/{{ forloop.length }}"
            + "{% if forloop.first %} first{% endif %}{% if forloop.last %} last{% endif %};{% endfor %}"
        XCTAssertEqual(try render(template, ["items": ["a", "b", "c"]]), "1/0/3 first;2/1/3;3/2/3 last;")
    }

    func testSeparatorsWithForloopLast() throws {
        XCTAssertEqual(try render(#"{% for x in xs %}{{ x }}{% if not forloop.last %}, {% endif %}{% endfor %}"#, ["xs": [1, 2, 3]]), "1, 2, 3")
    }

    func testEmptyBody() throws {
        let template = "{% for x in items %}{{ x }}{% empty %}none{% endfor %}"
        XCTAssertEqual(try render(template, ["items": []]), "none")
        XCTAssertEqual(try render(template, ["items": [1]]), "1")
        XCTAssertEqual(try render("{% for x in items %}{{ x }}{% endfor %}", ["items": []]), "")
    }

    func testDictionaryIterationInSortedKeyOrder() throws {
        let context: [String: TemplateValue] = ["headers": ["b": "2", "c": "3", "a": "1"]]
        XCTAssertEqual(
            try render("{% for name, value in headers %}{{ forloop.counter }}:{{ name }}={{ value }} {% endfor %}", context),
            "1:a=1 2:b=2 3:c=3 "
        )
        XCTAssertEqual(try render("{% for k, v in d %}x{% empty %}empty{% endfor %}", ["d": [:]]), "empty")
    }

    func testNestedLoopsAndParentloop() throws {
        let template = "{% for row in rows %}{% for cell in row %}"
            + "{{ forloop.parentloop.counter }}.{{ forloop.counter }}={{ cell }} "
            + "{% endfor %}|{% endfor %}"
        XCTAssertEqual(try render(template, ["rows": [["a", "b"], ["c"]]]), "1.1=a 1.2=b |2.1=c |")
    }

    func testGrandparentLoopAndForloopAsAValue() throws {
        let template = "{% for a in xs %}{% for b in xs %}{% for c in xs %}"
            + "{{ forloop.parentloop.parentloop.counter0 }}{% endfor %}{% endfor %}{% endfor %}"
        XCTAssertEqual(try render(template, ["xs": [1, 2]]), "00001111")
        let snapshot = "{% for a in xs %}{% set outer = forloop %}{% for b in xs %}"
            + "{{ outer.counter }}{{ forloop.counter }}{% if forloop.parentloop == outer %}={% endif %} {% endfor %}{% endfor %}"
        XCTAssertEqual(try render(snapshot, ["xs": [1, 2]]), "11= 12= 21= 22= ")
    }

    func testLoopVariablesShadowOuterNamesOnlyInsideTheLoop() throws {
        XCTAssertEqual(try render("{{ x }}{% for x in xs %}{{ x }}{% endfor %}{{ x }}", ["x": "o", "xs": [1, 2]]), "o12o")
    }

    func testFilteredIterable() throws {
        XCTAssertEqual(try render("{% for p in props|reverse %}{{ p }}{% endfor %}", ["props": ["a", "b", "c"]]), "cba")
    }

    func testLoopOverMemberAndLiteralIndex() throws {
        let context: [String: TemplateValue] = ["type": ["cases": [["name": "a"], ["name": "b"]]]]
        XCTAssertEqual(try render("{% for c in type.cases %}{{ c.name }}{% endfor %}", context), "ab")
    }
}
