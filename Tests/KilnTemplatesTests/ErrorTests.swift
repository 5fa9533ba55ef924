import KilnDiagnostics
import KilnTemplates
import XCTest

/// Every error is a `DiagnosticError` pointing at the offending name, operator or tag.
final class ErrorTests: XCTestCase {
    // MARK: - Lookups

    func testUndefinedVariable() {
        assertRenderingFails("line 1\n  {{ typ.name }}", ["type": ["name": "A"]],
                             with: "Templates/main.stencil:2:6: error: undefined variable 'typ'")
    }

    func testUndefinedVariableInAConditionAndInAMultilineTag() {
        assertRenderingFails("{% if a and\n   b %}{% endif %}", ["a": true],
                             with: "Templates/main.stencil:2:4: error: undefined variable 'b'")
    }

    func testColumnsCountCharactersNotBytes() {
        assertRenderingFails("é → {{ x }}", with: "Templates/main.stencil:1:8: error: undefined variable 'x'")
    }

    func testMissingMember() {
        assertRenderingFails("{{ type.nmae }}", ["type": ["name": "A"]],
                             with: "Templates/main.stencil:1:9: error: 'type' has no member 'nmae'")
    }

    func testMemberOfNull() {
        assertRenderingFails("{{ a.b.c }}", ["a": ["b": nil]],
                             with: "Templates/main.stencil:1:8: error: 'a.b' is null and has no member 'c'")
    }

    func testMemberOfOtherKinds() {
        assertRenderingFails("{{ s.foo }}", ["s": "x"],
                             with: "Templates/main.stencil:1:6: error: 's' is a string and has no member 'foo'")
        assertRenderingFails("{{ items.5 }}", ["items": [1, 2, 3]],
                             with: "Templates/main.stencil:1:10: error: index 5 is out of range for 'items' (count 3)")
    }

    func testParentloopOutsideANestedLoop() {
        assertRenderingFails(
            "{% for x in xs %}{{ forloop.parentloop.counter }}{% endfor %}", ["xs": [1]],
            with: "Templates/main.stencil:1:29: error: 'forloop' has no member 'parentloop' (the loop is not nested in another loop)"
        )
        assertRenderingFails("{{ forloop.counter }}", with: "Templates/main.stencil:1:4: error: undefined variable 'forloop'")
    }

    // MARK: - Parse errors

    func testUnknownFilterIsAParseError() {
        assertRenderingFails("{{ name|uper }}", ["name": "a"], with: "Templates/main.stencil:1:9: error: unknown filter 'uper'")
        // Found even in a branch that never runs.
        assertRenderingFails("{% if false %}\n  {{ name|lower|uper }}\n{% endif %}",
                             with: "Templates/main.stencil:2:17: error: unknown filter 'uper'")
    }

    func testUnclosedBlockIsReportedAtTheEndWithANoteAtTheOpeningTag() {
        let diagnostics = renderingDiagnostics("a\n\n{% for x in xs %}\n{{ x }}\n", ["xs": []])
        XCTAssertEqual(diagnostics.map(\.description), [
            "Templates/main.stencil:5:1: error: unclosed 'for' tag (opened at line 3)",
            "Templates/main.stencil:3:1: note: 'for' opened here",
        ])
        assertRenderingFails("{% if a %}x{% elif b %}y", with: "Templates/main.stencil:1:25: error: unclosed 'if' tag (opened at line 1)")
        assertRenderingFails("{% for x in xs %}{% empty %}", with: "Templates/main.stencil:1:29: error: unclosed 'for' tag (opened at line 1)")
    }

    func testUnexpectedEndTags() {
        assertRenderingFails("x\n{% endif %}", with: "Templates/main.stencil:2:1: error: unexpected 'endif'")
        assertRenderingFails("{% else %}", with: "Templates/main.stencil:1:1: error: unexpected 'else'")
        assertRenderingFails("{% for x in xs %}\n  {% endif %}\n{% endfor %}",
                             with: "Templates/main.stencil:2:3: error: unexpected 'endif' inside 'for' (opened at line 1)")
        assertRenderingFails("{% if a %}{% else %}{% elif b %}{% endif %}",
                             with: "Templates/main.stencil:1:21: error: unexpected 'elif' inside 'if' (opened at line 1)")
    }

    func testUnknownTag() {
        assertRenderingFails("{% iff x %}", with: "Templates/main.stencil:1:1: error: unknown tag 'iff'")
        assertRenderingFails("{% %}", with: "Templates/main.stencil:1:4: error: expected a tag name")
    }

    func testUnclosedDelimiters() {
        assertRenderingFails("a {{ name ", with: "Templates/main.stencil:1:3: error: unclosed '{{' (expected '}}')")
        assertRenderingFails("\n{% if x", with: "Templates/main.stencil:2:1: error: unclosed '{%' (expected '%}')")
        assertRenderingFails("{# note", with: "Templates/main.stencil:1:1: error: unclosed '{#' (expected '#}')")
        assertRenderingFails("{{ \"abc }}\nx", with: "Templates/main.stencil:1:4: error: unterminated string literal")
    }

    func testBadExpressions() {
        assertRenderingFails("{{ a b }}", with: "Templates/main.stencil:1:6: error: unexpected 'b'; expected '}}'")
        assertRenderingFails("{{ }}", with: "Templates/main.stencil:1:4: error: expected an expression")
        assertRenderingFails("{{ a| }}", with: "Templates/main.stencil:1:7: error: expected a filter name after '|'")
        assertRenderingFails("{% if a == %}{% endif %}", with: "Templates/main.stencil:1:12: error: expected an expression")
        assertRenderingFails("{% if (a %}{% endif %}", with: "Templates/main.stencil:1:10: error: expected ')' to close '(' at 1:7")
        assertRenderingFails("{{ a @ b }}", with: "Templates/main.stencil:1:6: error: unexpected character '@' in expression")
        assertRenderingFails("{{ and }}", with: "Templates/main.stencil:1:4: error: expected an expression, found 'and'")
        assertRenderingFails("{{ a. }}", with: "Templates/main.stencil:1:7: error: expected a member name after '.'")
        assertRenderingFails(#"{{ "\q" }}"#, with: #"Templates/main.stencil:1:5: error: unknown escape sequence '\q' in string literal"#)
        assertRenderingFails("{% for in xs %}{% endfor %}",
                             with: "Templates/main.stencil:1:8: error: expected a loop variable name after 'for', found 'in'")
        assertRenderingFails("{% set x 1 %}", with: "Templates/main.stencil:1:10: error: expected '=' after the variable name, found '1'")
        assertRenderingFails("{% endif x %}", with: "Templates/main.stencil:1:1: error: unexpected 'endif'")
        assertRenderingFails("{% if a %}{% endif x %}", with: "Templates/main.stencil:1:20: error: unexpected 'x'; expected '%}'")
    }

    func testNotBeforeAComparisonIsRejectedAsAmbiguous() {
        assertRenderingFails(
            "{% if not a == b %}{% endif %}",
            with: "Templates/main.stencil:1:7: error: ambiguous 'not' before '==': 'not' applies only to the operand after it; "
                + "write 'not (a == b)' to negate the comparison or '(not a) == b' to compare the negation"
        )
    }

    func testChainedComparison() {
        assertRenderingFails("{% if 1 < 2 < 3 %}{% endif %}",
                             with: "Templates/main.stencil:1:13: error: comparisons cannot be chained; combine them with 'and'")
    }

    // MARK: - Type errors

    func testComparisonTypeMismatch() {
        assertRenderingFails(#"{% if n < "3" %}{% endif %}"#, ["n": 2],
                             with: "Templates/main.stencil:1:9: error: cannot compare int and string with '<'")
        assertRenderingFails(#"{% if n == "2" %}{% endif %}"#, ["n": 2],
                             with: "Templates/main.stencil:1:9: error: cannot compare int and string with '=='")
        assertRenderingFails("{% if t >= f %}{% endif %}", ["t": true, "f": false],
                             with: "Templates/main.stencil:1:9: error: cannot compare bool and bool with '>='")
        assertRenderingFails(#"{% if "a" in n %}{% endif %}"#, ["n": 2],
                             with: "Templates/main.stencil:1:11: error: 'in' needs an array, dictionary or string on the right, got int")
        assertRenderingFails(#"{% if 1 not in "abc" %}{% endif %}"#,
                             with: "Templates/main.stencil:1:9: error: 'not in' needs a string on the left of a string, got int")
    }

    func testForOverANonArray() {
        assertRenderingFails("{% for x in type.name %}{% endfor %}", ["type": ["name": "A"]],
                             with: "Templates/main.stencil:1:13: error: 'for' needs an array, got string")
        assertRenderingFails("{% for x in d %}{% endfor %}", ["d": ["k": 1]],
                             with: "Templates/main.stencil:1:13: error: 'for' over a dictionary needs two loop variables: 'for key, value in …'")
        assertRenderingFails("{% for k, v in xs %}{% endfor %}", ["xs": [1]],
                             with: "Templates/main.stencil:1:16: error: 'for k, v in' needs a dictionary, got array")
        assertRenderingFails("{% for x in missing %}{% endfor %}",
                             with: "Templates/main.stencil:1:13: error: undefined variable 'missing'")
    }

    // MARK: - Includes

    func testIncludeNotFound() {
        assertRenderingFails("a\n  {% include \"missing.stencil\" %}",
                             with: "Templates/main.stencil:2:3: error: template 'missing.stencil' not found")
        assertRenderingFails("{% include 5 %}", with: "Templates/main.stencil:1:12: error: include needs a template name string, got int")
    }

    func testErrorInsideAnIncludeIsLocatedInThePartialWithANote() {
        let partials = ["p.stencil": "x\n{{ missing }}", "q.stencil": "{% if a %}"]
        XCTAssertEqual(renderingDiagnostics("line\n{% include \"p.stencil\" %}", partials: partials).map(\.description), [
            "Templates/p.stencil:2:4: error: undefined variable 'missing'",
            "Templates/main.stencil:2:1: note: 'p.stencil' included from here",
        ])
        XCTAssertEqual(renderingDiagnostics("{% include \"q.stencil\" %}", partials: partials).map(\.description), [
            "Templates/q.stencil:1:11: error: unclosed 'if' tag (opened at line 1)",
            "Templates/q.stencil:1:1: note: 'if' opened here",
            "Templates/main.stencil:1:1: note: 'q.stencil' included from here",
        ])
    }

    func testIncludeRecursionStopsBeyond64Levels() {
        let diagnostics = renderingDiagnostics(
            "{% include \"loop.stencil\" %}", partials: ["loop.stencil": "x{% include \"loop.stencil\" %}"]
        )
        XCTAssertEqual(
            diagnostics.first?.description,
            "Templates/loop.stencil:1:2: error: include of 'loop.stencil' nested deeper than 64 levels; does a template include itself?"
        )
        // The innermost includes are noted, not all 64 identical ones.
        let notes = diagnostics.dropFirst()
        XCTAssertEqual(notes.count, 8)
        XCTAssertTrue(notes.allSatisfy { $0.description == "Templates/loop.stencil:1:2: note: 'loop.stencil' included from here" })
    }

    func testIncludesNested64LevelsDeepStillWork() throws {
        // main includes p1, p1 includes p2, … p64 is the 64th level.
        var partials: [String: String] = ["p64": "deep"]
        for level in 1..<64 {
            partials["p\(level)"] = "{% include \"p\(level + 1)\" %}"
        }
        XCTAssertEqual(try render("{% include \"p1\" %}", partials: partials), "deep")
        partials["p64"] = "{% include \"p65\" %}"
        partials["p65"] = "too deep"
        assertRenderingFails("{% include \"p1\" %}", partials: partials,
                             with: "Templates/p64:1:1: error: include of 'p65' nested deeper than 64 levels; does a template include itself?")
    }

    func testTemplateNotFoundAtTheTopLevelHasNoLocation() {
        let environment = makeEnvironment("")
        XCTAssertThrowsError(try environment.template(named: "nope.stencil")) { error in
            XCTAssertEqual((error as? DiagnosticError)?.description, "kiln: error: template 'nope.stencil' not found")
        }
    }
}
