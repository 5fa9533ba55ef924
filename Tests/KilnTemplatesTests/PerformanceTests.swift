import Foundation
import KilnTemplates
import XCTest

final class PerformanceTests: XCTestCase {
    /// A generator-sized run: 10,000 items through loops, conditions, filters and an include.
    /// No timing assertion (debug builds and CI machines vary); the time is printed for a glance.
    func testRendersTenThousandItems() throws {
        let model = """
            {% for type in types %}
            /// {{ type.doc|default:"No documentation." }}
            public struct {{ type.name|capitalize }}: Codable, Sendable {
                {% for p in type.properties %}
                {% include "property.stencil" %}
                {% endfor %}
            }
            {% if not forloop.last %}

            {% endif %}
            {% endfor %}

            """
        let property = """
            public var {{ p.name }}: {{ p.type }}{% if not p.required %}?{% endif %}{% if forloop.first %} // first{% endif %}

            """
        let types: [TemplateValue] = (0..<2_000).map { index in
            let properties: [TemplateValue] = (0..<5).map { number in
                ["name": .string("field\(number)"), "type": "String", "required": .bool(number % 2 == 0)]
            }
            return ["name": .string("model\(index)"), "doc": index % 3 == 0 ? nil : "A model.", "properties": .array(properties)]
        }
        let environment = makeEnvironment(model, partials: ["property.stencil": property])
        let start = Date()
        let output = try environment.render(templateNamed: mainTemplate, context: ["types": .array(types)])
        let elapsed = Date().timeIntervalSince(start)
        print("Rendered \(types.count) types with 10,000 properties, \(output.utf8.count) bytes, in \(Int(elapsed * 1000)) ms")

        XCTAssertTrue(output.hasPrefix("""
            /// No documentation.
            public struct Model0: Codable, Sendable {
                public var field0: String // first
                public var field1: String?

            """))
        XCTAssertTrue(output.hasSuffix("    public var field4: String\n}\n"))
        XCTAssertEqual(output.components(separatedBy: "public var ").count - 1, 10_000)
        XCTAssertEqual(output.components(separatedBy: "\n\n///").count, 2_000)
    }
}
