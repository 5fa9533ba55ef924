import KilnDiagnostics
import KilnTemplates
import XCTest

/// `TemplateEnvironment.check`: every name a template uses, against a view model's members.
final class CheckerTests: XCTestCase {
    func testMisspeltMemberIsReportedAtItsLocationWithASuggestion() {
        let template = "struct {{ type.name }} {\n{% for p in type.propertys %}{% endfor %}\n}"
        XCTAssertEqual(checkDiagnostics(template, against: StructFileView.self), [
            "Templates/main.stencil:2:18: error: 'StructView' has no member 'propertys' (did you mean 'properties'?)",
        ])
    }

    func testEveryProblemIsReported() {
        let template = "{{ acess }}{{ type.nmae }}{{ type.nmae }}{{ type.xyzzy }}"
        XCTAssertEqual(checkDiagnostics(template, against: StructFileView.self), [
            "Templates/main.stencil:1:4: error: undefined variable 'acess' (did you mean 'access'?)",
            "Templates/main.stencil:1:20: error: 'StructView' has no member 'nmae' (did you mean 'name'?)",
            "Templates/main.stencil:1:35: error: 'StructView' has no member 'nmae' (did you mean 'name'?)",
            "Templates/main.stencil:1:50: error: 'StructView' has no member 'xyzzy'",
        ])
    }

    func testBranchesThatNeverRunAreCheckedToo() {
        XCTAssertEqual(checkDiagnostics("{% if false %}{{ type.doc.nmae }}{% endif %}", against: StructFileView.self), [
            "Templates/main.stencil:1:27: error: 'type.doc' is a string and has no member 'nmae'",
        ])
    }

    func testLoopVariablesHaveTheElementType() {
        let template = """
            {% for p in type.properties %}{{ p.name }}{{ p.nmae }}{% endfor %}
            {% for c in type.conformances %}{{ c.count }}{{ c.name }}{% endfor %}
            {% for n in type.nested %}{% for p in n.properties %}{{ p.doc }}{{ n.rank.x }}{% endfor %}{% endfor %}
            """
        XCTAssertEqual(checkDiagnostics(template, against: StructFileView.self), [
            "Templates/main.stencil:1:48: error: 'PropertyView' has no member 'nmae' (did you mean 'name'?)",
            "Templates/main.stencil:2:51: error: 'c' is a string and has no member 'name'",
            "Templates/main.stencil:3:75: error: 'n.rank' is 'Int' and has no member 'x'",
        ])
    }

    func testForloopMembers() {
        let template = """
            {% for p in type.properties %}{{ forloop.counter }}{{ forloop.frist }}{{ forloop.parentloop.first }}
            {% for c in type.conformances %}{{ forloop.parentloop.last }}{% endfor %}{% endfor %}
            """
        XCTAssertEqual(checkDiagnostics(template, against: StructFileView.self), [
            "Templates/main.stencil:1:63: error: 'forloop' has no member 'frist' (did you mean 'first'?)",
            "Templates/main.stencil:1:82: error: 'forloop' has no member 'parentloop' (the loop is not nested in another loop)",
        ])
    }

    func testSetBindsTheValuesType() {
        let template = """
            {% set first = type.properties|first %}{{ first.name }}{{ first.nmae }}
            {% set n = type.properties|count %}{{ n.x }}
            {% set lines = type.doc|default:""|lines %}{% for l in lines %}{{ l.count }}{% endfor %}
            {% set custom = type.name|swifty %}{{ custom.anything.goes }}
            """
        let environment = TemplateEnvironment(
            loader: DictionaryTemplateLoader([mainTemplate: template], displayPrefix: "Templates/"),
            filters: ["swifty": { value, _ in value }]
        )
        XCTAssertEqual(diagnostics { () throws(DiagnosticError) in try environment.check(templateNamed: mainTemplate, against: StructFileView.self) }, [
            "Templates/main.stencil:1:65: error: 'PropertyView' has no member 'nmae' (did you mean 'name'?)",
            "Templates/main.stencil:2:41: error: 'n' is 'Int' and has no member 'x'",
        ])
    }

    func testOptionalMembersAreUsableOutsideAnIf() {
        // The engine fails only when the value is null at render time; the checker allows it.
        XCTAssertEqual(checkDiagnostics("{{ type.parent.name }}{{ type.parent.nmae }}", against: StructFileView.self), [
            "Templates/main.stencil:1:38: error: 'ParentView' has no member 'nmae' (did you mean 'name'?)",
        ])
    }

    func testAnyValuesAreNotLookedInto() {
        XCTAssertEqual(checkDiagnostics("{{ extra.a.b.c }}{% for x in extra %}{{ x.y }}{% endfor %}", against: StructFileView.self), [])
    }

    func testLoopAndPrintMistakes() {
        let template = "{% for x in type.name %}{% endfor %}{% for p in type %}{% endfor %}{{ type }}"
        XCTAssertEqual(checkDiagnostics(template, against: StructFileView.self), [
            "Templates/main.stencil:1:13: error: 'for' needs an array, got 'String'",
            "Templates/main.stencil:1:49: error: 'for' over 'StructView' needs two loop variables: 'for key, value in …'",
            "Templates/main.stencil:1:71: error: 'StructView' cannot be printed (it would print '[dictionary]'); print one of its members",
        ])
    }

    func testIncludedTemplatesAreCheckedInTheIncludingScope() {
        let partials = [
            "Property.stencil": "let {{ p.name }}: {{ p.tpye }} // {{ access }}{{ type.name }}\n",
            "Bound.stencil": "{{ item.name }}{{ item.rnak }}",
        ]
        let template = """
            {% for p in type.properties %}
            {% include "Property.stencil" %}
            {% endfor %}
            {% include "Bound.stencil" with item=type %}
            """
        XCTAssertEqual(checkDiagnostics(template, partials: partials, against: StructFileView.self), [
            "Templates/Property.stencil:1:24: error: 'PropertyView' has no member 'tpye' (did you mean 'type'?)",
            "Templates/main.stencil:2:1: note: 'Property.stencil' included from here",
            "Templates/Bound.stencil:1:24: error: 'StructView' has no member 'rnak' (did you mean 'rank'?)",
            "Templates/main.stencil:4:1: note: 'Bound.stencil' included from here",
        ])
    }

    func testIncludeErrorsAreReported() {
        XCTAssertEqual(checkDiagnostics(#"{% include "Missing.stencil" %}"#, against: StructFileView.self), [
            "Templates/main.stencil:1:1: error: template 'Missing.stencil' not found",
        ])
    }

    func testRecursiveIncludesEnd() {
        let partials = ["Node.stencil": #"{{ node.name }}{{ node.nmae }}{% for node in node.nested %}{% include "Node.stencil" %}{% endfor %}"#]
        XCTAssertEqual(checkDiagnostics(#"{% set node = type %}{% include "Node.stencil" %}"#, partials: partials, against: StructFileView.self), [
            "Templates/Node.stencil:1:24: error: 'StructView' has no member 'nmae' (did you mean 'name'?)",
            "Templates/main.stencil:1:22: note: 'Node.stencil' included from here",
        ])
        // A template including itself with ever deeper loops still ends (at the include depth limit).
        let deepening = ["Self.stencil": #"{% for x in type.nested %}{% include "Self.stencil" %}{% endfor %}"#]
        XCTAssertEqual(checkDiagnostics(#"{% include "Self.stencil" %}"#, partials: deepening, against: StructFileView.self), [])
    }

    func testMacrosAreCheckedWithTheirArgumentTypes() {
        let template = """
            {% macro property(p, access) %}{{ access }} var {{ p.name }}: {{ p.tpye }}{% endmacro %}
            {% macro type(t) %}{{ t.name }}{% for n in t.nested %}{% call type(n) %}{% endfor %}{{ t.nmae }}{% endmacro %}
            {% for p in type.properties %}{% call property(p, access) %}{% endfor %}
            {% call type(type) %}
            """
        XCTAssertEqual(checkDiagnostics(template, against: StructFileView.self), [
            "Templates/main.stencil:1:68: error: 'PropertyView' has no member 'tpye' (did you mean 'type'?)",
            "Templates/main.stencil:3:39: note: in macro 'property' called from here",
            "Templates/main.stencil:2:90: error: 'StructView' has no member 'nmae' (did you mean 'name'?)",
            "Templates/main.stencil:4:9: note: in macro 'type' called from here",
        ])
    }

    func testMacroBodiesSeeOnlyTheirParametersAndTheModel() {
        let template = """
            {% macro show() %}{{ access }}{{ p.name }}{% endmacro %}
            {% for p in type.properties %}{% call show() %}{% endfor %}
            """
        XCTAssertEqual(checkDiagnostics(template, against: StructFileView.self), [
            "Templates/main.stencil:1:34: error: undefined variable 'p'",
            "Templates/main.stencil:2:39: note: in macro 'show' called from here",
        ])
    }

    func testImportedMacrosAreChecked() {
        let partials = ["Macros.stencil": "{% macro name(t) %}{{ t.naem }}{% endmacro %}"]
        XCTAssertEqual(checkDiagnostics(#"{% import "Macros.stencil" %}{% call name(type) %}"#, partials: partials, against: StructFileView.self), [
            "Templates/Macros.stencil:1:25: error: 'StructView' has no member 'naem' (did you mean 'name'?)",
            "Templates/main.stencil:1:38: note: in macro 'name' called from here",
        ])
    }

    func testCustomFilterResultTypes() {
        let environment = TemplateEnvironment(
            loader: DictionaryTemplateLoader([mainTemplate: "{% set n = type.name|swiftName %}{{ n.x }}"], displayPrefix: "Templates/"),
            filters: ["swiftName": { value, _ in value }],
            filterResultTypes: ["swiftName": .string]
        )
        XCTAssertEqual(diagnostics { () throws(DiagnosticError) in try environment.check(templateNamed: mainTemplate, against: StructFileView.self) }, [
            "Templates/main.stencil:1:39: error: 'n' is a string and has no member 'x'",
        ])
    }
}

/// The diagnostics `body` throws, as printed; empty when it does not throw.
func diagnostics(_ body: () throws(DiagnosticError) -> Void) -> [String] {
    do throws(DiagnosticError) {
        try body()
        return []
    } catch {
        return error.diagnostics.map(\.description)
    }
}
