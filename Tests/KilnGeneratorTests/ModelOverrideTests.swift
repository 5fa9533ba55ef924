import Foundation
import KilnGenerator
import XCTest

/// The worked override of `Templates/README.md`: one model type (`Event`) codes its `date-time`
/// properties as Unix seconds, by a copy of the built-in `StructCoding.stencil` with a condition on
/// the type's name; every other type keeps RFC 3339. The generated module is compiled and run.
final class ModelOverrideTests: XCTestCase {
    static let spec = """
        openapi: 3.0.3
        info: {title: Events, version: "1"}
        paths: {}
        components:
          schemas:
            Event:
              type: object
              required: [name, at]
              properties:
                name: {type: string}
                at: {type: string, format: date-time}
            Reminder:
              type: object
              required: [at]
              properties:
                at: {type: string, format: date-time}
        """

    /// The README's steps, done by the test: the user's edits to their copy of the partial.
    static func overriddenStructCoding() throws -> String {
        var partial = try XCTUnwrap(ClientGenerator.builtInTemplate(named: "StructCoding.stencil"))
        let edits = [
            (
                "{% if object.explicitCoding %}",
                #"{% if object.explicitCoding or type.name == "Event" %}"#
            ),
            (
                "        {% call decode(property) %}\n",
                """
                {% if type.name == "Event" and property.valueType.name == "Date" %}
                        self.{{ property.name }} = Date(timeIntervalSince1970: try container.decode(Double.self, forKey: .{{ property.member }}))
                {% else %}
                        {% call decode(property) %}
                {% endif %}

                """
            ),
            (
                "        {% call encode(property) %}\n",
                """
                {% if type.name == "Event" and property.valueType.name == "Date" %}
                        try container.encode({{ property.name }}.timeIntervalSince1970, forKey: .{{ property.member }})
                {% else %}
                        {% call encode(property) %}
                {% endif %}

                """
            ),
        ]
        for (original, replacement) in edits {
            XCTAssertEqual(partial.components(separatedBy: original).count, 2, "the built-in partial no longer holds \(original)")
            partial = partial.replacingOccurrences(of: original, with: replacement)
        }
        return partial
    }

    func testOneTypeCodesItsDatesAsUnixSecondsWhileOthersKeepRFC3339() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-model-override-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let templates = root.appendingPathComponent("templates")
        let output = root.appendingPathComponent("Events")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Self.overriddenStructCoding().write(to: templates.appendingPathComponent("StructCoding.stencil"), atomically: true, encoding: .utf8)
        let specPath = root.appendingPathComponent("events.yaml")
        try Self.spec.write(to: specPath, atomically: true, encoding: .utf8)

        var options = GeneratorOptions(moduleName: "Events", templatesDirectory: templates.path)
        options.parts = [.models]
        let generation = try Generation.run(specPath: specPath.path, options: options)
        for file in generation.files {
            let url = output.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.contents.write(to: url, atomically: true, encoding: .utf8)
        }
        let event = try XCTUnwrap(generation.files.first { $0.path == "Models/Event.swift" }).contents
        XCTAssertTrue(event.contains("timeIntervalSince1970"), event)
        let reminder = try XCTUnwrap(generation.files.first { $0.path == "Models/Reminder.swift" }).contents
        XCTAssertFalse(reminder.contains("init(from decoder"), "Reminder keeps synthesized coding:\n\(reminder)")
        // The override's output compiles without warnings in both language modes, like the built-in one.
        try SwiftCompiler.typeCheck(directory: output, moduleName: "Events")

        let program = """
            import Foundation

            let event = try JSONCoding.makeDecoder().decode(Event.self, from: Data(#"{"at":1700000000,"name":"launch"}"#.utf8))
            precondition(event.at == Date(timeIntervalSince1970: 1_700_000_000))
            print(String(decoding: try JSONCoding.makeEncoder().encode(event), as: UTF8.self))
            let reminder = try JSONCoding.makeDecoder().decode(Reminder.self, from: Data(#"{"at":"2024-05-01T12:30:00Z"}"#.utf8))
            print(String(decoding: try JSONCoding.makeEncoder().encode(reminder), as: UTF8.self))

            """
        try program.write(to: output.appendingPathComponent("main.swift"), atomically: true, encoding: .utf8)
        let executable = root.appendingPathComponent("events").path
        let sources = GoldenFiles.swiftFiles(under: output).map { output.appendingPathComponent($0).path }
        let build = try SwiftCompiler.command(["swiftc", "-wmo", "-swift-version", "6", "-module-name", "Events", "-o", executable] + sources)
        XCTAssertEqual(build.status, 0, build.output)
        XCTAssertFalse(build.output.contains("warning:"), build.output)
        guard build.status == 0 else { return }

        let run = try SwiftCompiler.command([executable])
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertEqual(run.output.split(separator: "\n"), [
            #"{"at":1700000000,"name":"launch"}"#,
            #"{"at":"2024-05-01T12:30:00Z"}"#,
        ])
    }
}
