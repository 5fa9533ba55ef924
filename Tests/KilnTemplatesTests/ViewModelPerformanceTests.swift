import Foundation
import KilnTemplates
import XCTest

/// Rendering from view models against rendering from hand-built dictionaries, the generator's
/// path until now. No timing assertion (debug builds and CI machines vary): the figures are
/// printed, best of a few runs, and the two outputs must be identical.
final class ViewModelPerformanceTests: XCTestCase {
    private static let template = """
        {% for type in types %}
        {{ access }} struct {{ type.name|capitalize }}: {{ type.conformances|join:", " }} {
            {% for p in type.properties %}
            {% if p.doc %}
            /// {{ p.doc }}
            {% endif %}
            var {{ p.name }}: {{ p.type }}{% if not p.required %}?{% endif %}{% if forloop.first %} // first{% endif %}
            {% endfor %}
        }
        {% endfor %}

        """

    private struct TypesView: TemplateViewModel {
        var access: String
        var types: [StructView]
        static let members: TemplateMembers<TypesView> = [.init("access", \.access), .init("types", \.types)]
    }

    private static let typeCount = 3_000

    private static func viewModels() -> TypesView {
        let types = (0..<typeCount).map { index in
            StructView(
                name: "model\(index)", doc: nil,
                properties: (0..<5).map { number in
                    PropertyView(name: "field\(number)", type: "String", doc: number == 0 ? "The first." : nil, required: number % 2 == 0)
                },
                conformances: ["Codable", "Sendable"], rank: index, nested: [], parent: nil
            )
        }
        return TypesView(access: "public", types: types)
    }

    /// What the generator builds by hand today: the same data as dictionaries.
    private static func dictionaries() -> [String: TemplateValue] {
        let types: [TemplateValue] = (0..<typeCount).map { index in
            let properties: [TemplateValue] = (0..<5).map { number in
                [
                    "name": .string("field\(number)"), "type": "String",
                    "doc": number == 0 ? "The first." : nil, "required": .bool(number % 2 == 0),
                ]
            }
            return [
                "name": .string("model\(index)"), "doc": nil, "properties": .array(properties),
                "conformances": ["Codable", "Sendable"], "rank": .int(index), "nested": [], "parent": nil,
            ]
        }
        return ["access": "public", "types": .array(types)]
    }

    func testViewModelsRenderAsFastAsDictionaries() throws {
        let environment = makeEnvironment(templates: [mainTemplate: Self.template])
        let template = try environment.template(named: mainTemplate)
        try environment.check(template, against: TypesView.self)

        var dictionaryOutput = ""
        let dictionaryTime = try Self.bestOf(5) {
            dictionaryOutput = try environment.render(template, context: Self.dictionaries())
        }
        var modelOutput = ""
        let modelTime = try Self.bestOf(5) {
            modelOutput = try environment.render(template, model: Self.viewModels())
        }
        let models = Self.viewModels()
        let conversionTime = Self.bestOf(5) { _ = models.templateContext }
        let context = Self.dictionaries()
        let renderTime = try Self.bestOf(5) { _ = try environment.render(template, context: context) }

        print("""
            \(Self.typeCount) types × 5 properties, \(modelOutput.utf8.count) bytes, best of 5:
              dictionaries built by hand + render: \(Self.milliseconds(dictionaryTime)) ms
              view models built + converted + render: \(Self.milliseconds(modelTime)) ms
              of which view model → context conversion: \(Self.milliseconds(conversionTime)) ms
              render alone (same context): \(Self.milliseconds(renderTime)) ms
            """)
        XCTAssertEqual(modelOutput, dictionaryOutput)
        XCTAssertEqual(modelOutput.components(separatedBy: "var field").count - 1, Self.typeCount * 5)
    }

    private static func bestOf(_ runs: Int, _ body: () throws -> Void) rethrows -> TimeInterval {
        var best = TimeInterval.infinity
        for _ in 0..<runs {
            let start = Date()
            try body()
            best = min(best, Date().timeIntervalSince(start))
        }
        return best
    }

    private static func milliseconds(_ interval: TimeInterval) -> String {
        String(format: "%.1f", interval * 1000)
    }
}
