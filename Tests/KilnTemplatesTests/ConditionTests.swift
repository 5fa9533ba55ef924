import KilnTemplates
import XCTest

final class ConditionTests: XCTestCase {
    private func check(_ condition: String, _ context: [String: TemplateValue] = [:]) throws -> Bool {
        let output = try render("{% if \(condition) %}T{% else %}F{% endif %}", context)
        return output == "T"
    }

    func testIfElifElse() throws {
        let template = "{% if n == 1 %}one{% elif n == 2 %}two{% elif n == 3 %}three{% else %}many{% endif %}"
        XCTAssertEqual(try render(template, ["n": 1]), "one")
        XCTAssertEqual(try render(template, ["n": 2]), "two")
        XCTAssertEqual(try render(template, ["n": 3]), "three")
        XCTAssertEqual(try render(template, ["n": 9]), "many")
        XCTAssertEqual(try render("{% if false %}x{% endif %}"), "")
    }

    func testTruthiness() throws {
        for falsy: TemplateValue in [nil, false, 0, "", [], [:]] {
            XCTAssertFalse(try check("v", ["v": falsy]), "\(falsy)")
        }
        for truthy: TemplateValue in [true, 1, -1, "x", [nil], ["k": nil]] {
            XCTAssertTrue(try check("v", ["v": truthy]), "\(truthy)")
        }
    }

    func testAndOrNot() throws {
        let context: [String: TemplateValue] = ["t": true, "f": false]
        XCTAssertTrue(try check("t and t", context))
        XCTAssertFalse(try check("t and f", context))
        XCTAssertTrue(try check("f or t", context))
        XCTAssertFalse(try check("f or f", context))
        XCTAssertTrue(try check("not f", context))
        XCTAssertFalse(try check("not t", context))
        XCTAssertTrue(try check("not not t", context))
    }

    func testPrecedenceNotThenComparisonThenAndThenOr() throws {
        let context: [String: TemplateValue] = ["t": true, "f": false, "n": 2]
        // `and` binds tighter than `or`: t or (f and f).
        XCTAssertTrue(try check("t or f and f", context))
        // `not` binds tighter than `and`: (not f) and t.
        XCTAssertTrue(try check("not f and t", context))
        // Comparisons bind tighter than `and`/`or`: (n == 2) and (n < 3).
        XCTAssertTrue(try check("n == 2 and n < 3", context))
        XCTAssertTrue(try check("f or n > 1", context))
        XCTAssertTrue(try check("n == 3 or not f and n != 3", context))
    }

    func testParentheses() throws {
        let context: [String: TemplateValue] = ["t": true, "f": false]
        XCTAssertFalse(try check("(t or f) and f", context))
        XCTAssertTrue(try check("not (f and t)", context))
        XCTAssertTrue(try check("(not f) == true", context))
        XCTAssertTrue(try check("((t))", context))
    }

    func testIntegerComparisons() throws {
        let context: [String: TemplateValue] = ["n": 2]
        XCTAssertTrue(try check("n == 2", context))
        XCTAssertTrue(try check("n != 3", context))
        XCTAssertTrue(try check("n < 3", context))
        XCTAssertFalse(try check("n < 2", context))
        XCTAssertTrue(try check("n <= 2", context))
        XCTAssertTrue(try check("n > -1", context))
        XCTAssertFalse(try check("n > 2", context))
        XCTAssertTrue(try check("n >= 2", context))
    }

    func testStringComparisons() throws {
        let context: [String: TemplateValue] = ["s": "date"]
        XCTAssertTrue(try check(#"s == "date""#, context))
        XCTAssertTrue(try check("s != 'time'", context))
        XCTAssertTrue(try check(#"s < "e""#, context))
        XCTAssertTrue(try check(#"s >= "date""#, context))
    }

    func testEqualityWithNullWorksForAnyValue() throws {
        let context: [String: TemplateValue] = ["format": nil, "s": "x", "list": [1]]
        XCTAssertTrue(try check("format == nil", context))
        XCTAssertFalse(try check(#"format == "date""#, context))
        XCTAssertTrue(try check("s != null", context))
        XCTAssertTrue(try check("list == list", context))
    }

    func testInOperator() throws {
        let context: [String: TemplateValue] = [
            "list": ["a", "b"], "dict": ["key": 1], "text": "hello world", "nums": [1, 2],
        ]
        XCTAssertTrue(try check(#""a" in list"#, context))
        XCTAssertFalse(try check(#""z" in list"#, context))
        XCTAssertTrue(try check("2 in nums", context))
        XCTAssertTrue(try check(#""key" in dict"#, context))
        XCTAssertFalse(try check(#""other" in dict"#, context))
        XCTAssertTrue(try check(#""lo w" in text"#, context))
        XCTAssertFalse(try check(#""bye" in text"#, context))
        XCTAssertTrue(try check(#""z" not in list"#, context))
        XCTAssertFalse(try check(#""key" not in dict"#, context))
    }

    func testFilteredOperands() throws {
        let context: [String: TemplateValue] = ["props": [1, 2, 3], "name": "Pet"]
        XCTAssertTrue(try check("props|count > 2", context))
        XCTAssertTrue(try check(#"name|lower == "pet""#, context))
        XCTAssertTrue(try check(#""P" == name|first"#, context))
    }

    func testAndShortCircuitsSoGuardedMembersAreSafe() throws {
        XCTAssertFalse(try check("owner and owner.name", ["owner": nil]))
        XCTAssertTrue(try check("not owner or owner.name", ["owner": nil]))
    }

    func testConditionValuesCanBeSetAndPrinted() throws {
        XCTAssertEqual(try render("{% set optional = not required %}{{ optional }} {{ 1 < 2 }}", ["required": true]), "false true")
    }
}
