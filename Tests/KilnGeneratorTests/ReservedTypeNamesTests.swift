import Foundation
import KilnIR
import XCTest

/// A model type named like a type the generated code uses would shadow it in the whole module (a schema
/// `TimeInterval` broke the retry middleware). The namer's reserved list must therefore hold every type
/// name the built-in templates use at module scope; this test reads the templates to prove it.
final class ReservedTypeNamesTests: XCTestCase {
    /// Partials rendered inside a declaration of another template: scanned together with it, so the
    /// nested types that declaration holds (a struct's `CodingKeys`) count as declared.
    static let partialsInside = ["StructCoding.stencil": "Struct.stencil"]

    func testEveryTypeNameTheTemplatesUseIsReserved() throws {
        let folder = GoldenFiles.packageRoot.appendingPathComponent("Templates")
        var unreserved: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        where name.hasSuffix(".stencil") && !name.hasSuffix(".md.stencil") {
            var text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            if let includer = Self.partialsInside[name] {
                text = try String(contentsOf: folder.appendingPathComponent(includer), encoding: .utf8) + "\n" + text
            }
            for typeName in TemplateTypeNames.moduleScopeTypeNames(inTemplate: text)
            where !SwiftNamer.reservedTypeNames.contains(typeName) && unreserved[typeName] == nil {
                unreserved[typeName] = name
            }
        }
        XCTAssertEqual(
            unreserved, [:], "type names used by templates but free for models; add them to SwiftNamer.reservedTypeNames"
        )
    }

    func testTheScannerSeesTypesAndSkipsProseStringsAndLocalNames() {
        let template = """
            /// The `Prose` here is a comment.
            {% capture doc %}
            Captured Prose, printed as a doc comment.
            {%- endcapture %}
            {{ doc|docComment }}
            {% capture arguments %}
            delay: Duration
            {% endcapture %}
            {{ access }} struct Retry<Element: Sendable> {
                var delay: TimeInterval = 1
                let label = "Quoted Words"
                struct Local {}
                func run(_ value: Element) async throws -> Local { try await Task.sleep(nanoseconds: 1); return Local() }
                var kind: {{ type.name }}
            }
            """
        XCTAssertEqual(TemplateTypeNames.moduleScopeTypeNames(inTemplate: template), ["Duration", "Retry", "Sendable", "Task", "TimeInterval"])
    }
}

/// The capitalized identifiers a template's Swift names from module scope: template tags, comments and
/// string literals removed; names after a `.` (members), types declared nested inside another
/// (indented declarations) and generic parameters (declared, or an extended type's in `where`) left out, since those cannot be shadowed by a model.
enum TemplateTypeNames {
    /// The generic parameters of the standard types the templates extend.
    static let genericParameters: [String: Set<String>] = [
        "Array": ["Element"], "Dictionary": ["Key", "Value"], "KeyedDecodingContainer": ["Key"],
        "KeyedEncodingContainer": ["Key"], "Optional": ["Wrapped"], "Set": ["Element"],
    ]

    static func moduleScopeTypeNames(inTemplate template: String) -> Set<String> {
        var code: [String] = []
        var local: Set<String> = []
        for line in swiftLines(of: template) {
            if let nested = line.firstMatch(of: #/^\s{4,}(?:[a-z@()]+\s+)*(?:struct|enum|class|protocol|typealias|actor|associatedtype)\s+([A-Z]\w*)/#) {
                local.insert(String(nested.output.1))
            }
            for generic in line.matches(of: #/(?:func|struct|enum|class|init|actor)\s*\w*\s*<([^>]+)>/#) {
                for parameter in generic.output.1.split(separator: ",") {
                    local.insert(String(parameter.split(separator: ":")[0]).trimmingCharacters(in: .whitespaces))
                }
            }
            // Inside `extension Dictionary where Key == String`, `Key` is the extended type's generic parameter.
            if let extended = line.firstMatch(of: #/^extension\s+(\w+)/#) {
                local.formUnion(genericParameters[String(extended.output.1)] ?? [])
            }
            code.append(line)
        }
        var names: Set<String> = []
        for match in code.joined(separator: "\n").matches(of: #/(?:^|[^.\w])([A-Z][A-Za-z0-9_]*)/#.anchorsMatchLineEndings()) {
            names.insert(String(match.output.1))
        }
        return names.subtracting(local)
    }

    /// Without the bodies of `{% capture x %}` blocks whose text is printed only as a doc comment
    /// (`{{ x|docComment }}`): that text is prose, like a `///` line.
    private static func withoutDocCaptures(_ template: String) -> String {
        var text = template
        for use in template.matches(of: #/\{\{-?\s*(\w+)\|docComment/#) {
            let name = String(use.output.1)
            let pattern = "\\{%-?\\s*capture\\s+\(name)\\s*-?%\\}.*?\\{%-?\\s*endcapture\\s*-?%\\}"
            guard let block = try? Regex(pattern).dotMatchesNewlines() else { continue }
            text = text.replacing(block, with: "")
        }
        return text
    }

    /// The template's lines as Swift: `{{ … }}` as a lowercase placeholder (keeping indentation), block
    /// tags and comments removed, string literals emptied.
    private static func swiftLines(of template: String) -> [String] {
        let withoutTags = withoutDocCaptures(template)
            .replacing(#/\{\{.*?\}\}/#.dotMatchesNewlines(), with: "v")
            .replacing(#/\{%.*?%\}/#.dotMatchesNewlines(), with: "")
            .replacing(#/\{#.*?#\}/#.dotMatchesNewlines(), with: "")
        return withoutTags.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line in
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("//") { return nil }
            return String(line)
                .replacing(#/"(?:[^"\\]|\\.)*"/#, with: "\"\"")
                .replacing(#/\/\/.*/#, with: "")
        }
    }
}
