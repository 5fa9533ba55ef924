import KilnTemplates
import XCTest

final class ViewModelTests: XCTestCase {
    func testModelMembersAreTheTopLevelNames() throws {
        let file = StructFileView(access: "public", type: .sample("Pet"), extra: ["anything": 1])
        let template = """
            {{ access }} struct {{ type.name }}: {{ type.conformances|join:", " }} {
                {% for p in type.properties %}
                var {{ p.name }}: {{ p.type }}{% if not p.required %}?{% endif %}{% if p.doc %} // {{ p.doc }}{% endif %}
                {% endfor %}
            }
            {{ extra.anything }}{% if type.parent %}{{ type.parent.name }}{% endif %}
            """
        let rendered = try makeEnvironment(templates: [mainTemplate: template]).render(templateNamed: mainTemplate, model: file)
        XCTAssertEqual(rendered, """
            public struct Pet: Codable, Sendable {
                var id: Int // The id.
                var label: String?
            }
            1
            """)
    }

    func testModelRendersLikeTheEquivalentDictionary() throws {
        let model = StructView.sample("A")
        XCTAssertEqual(model.templateValue.withModelsAsDictionaries, [
            "name": "A", "doc": nil, "conformances": ["Codable", "Sendable"], "rank": 1, "nested": [], "parent": nil,
            "properties": [
                ["name": "id", "type": "Int", "doc": "The id.", "required": true],
                ["name": "label", "type": "String", "doc": nil, "required": false],
            ],
        ])
    }

    func testSchemaComesFromTheSameMembers() {
        XCTAssertEqual(StructView.memberTypes, [
            "name": .string, "doc": .optional(.string), "properties": .array(.viewModel(PropertyView.self)),
            "conformances": .array(.string), "rank": .int, "nested": .array(.viewModel(StructView.self)),
            "parent": .optional(.viewModel(ParentView.self)),
        ])
        XCTAssertEqual(StructFileView.memberTypes["extra"], .any)
        XCTAssertEqual(ParentView.memberTypes, ["name": .string, "shout": .string])
        XCTAssertEqual(ParentView(name: "p").templateValue.withModelsAsDictionaries, ["name": "p", "shout": "P"])
        XCTAssertEqual(TemplateValueType.array(.viewModel(StructView.self)).description, "[StructView]")
    }

    func testRecursiveModelThroughARecursiveIndentedInclude() throws {
        let tree = StructFileView(
            access: "public",
            type: .sample("Outer", nested: [.sample("Inner", nested: [.sample("Innermost")])]),
            extra: nil
        )
        let templates = [
            mainTemplate: #"{% include "Type.stencil" with type as t %}"#,
            "Type.stencil": """
                struct {{ t.name }} {
                    {% for n in t.nested %}
                    {% include "Type.stencil" with n as t %}
                    {% endfor %}
                }

                """,
        ]
        let environment = makeEnvironment(templates: templates)
        XCTAssertNoThrow(try environment.check(templateNamed: mainTemplate, against: StructFileView.self))
        XCTAssertEqual(try environment.render(templateNamed: mainTemplate, model: tree), """
            struct Outer {
                struct Inner {
                    struct Innermost {
                    }
                }
            }

            """)
    }
}
