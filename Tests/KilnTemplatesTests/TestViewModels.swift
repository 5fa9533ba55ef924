import KilnDiagnostics
import KilnTemplates

/// View models shaped like the generator's: a file holding a type, types nesting types.

struct PropertyView: TemplateViewModel {
    var name: String
    var type: String
    var doc: String?
    var required: Bool

    static let members: TemplateMembers<PropertyView> = [
        .init("name", \.name), .init("type", \.type), .init("doc", \.doc), .init("required", \.required),
    ]
}

struct StructView: TemplateViewModel {
    var name: String
    var doc: String?
    var properties: [PropertyView]
    var conformances: [String]
    var rank: Int
    /// Rendered through a recursive include.
    var nested: [StructView]
    var parent: ParentView?

    static let members: TemplateMembers<StructView> = [
        .init("name", \.name), .init("doc", \.doc), .init("properties", \.properties),
        .init("conformances", \.conformances), .init("rank", \.rank), .init("nested", \.nested),
        .init("parent", \.parent),
    ]
}

struct ParentView: TemplateViewModel {
    var name: String
    static let members: TemplateMembers<ParentView> = [.init("name", \.name), .init("shout") { $0.name.uppercased() }]
}

struct StructFileView: TemplateViewModel {
    var access: String
    var type: StructView
    var extra: TemplateValue

    static let members: TemplateMembers<StructFileView> = [
        .init("access", \.access), .init("type", \.type), .init("extra", \.extra),
    ]
}

extension StructView {
    static func sample(_ name: String, nested: [StructView] = []) -> StructView {
        StructView(
            name: name, doc: nil,
            properties: [
                PropertyView(name: "id", type: "Int", doc: "The id.", required: true),
                PropertyView(name: "label", type: "String", doc: nil, required: false),
            ],
            conformances: ["Codable", "Sendable"], rank: 1, nested: nested, parent: nil
        )
    }
}

/// Environment with `templates`, `main.stencil` among them, as the other tests name it.
func makeEnvironment(templates: [String: String]) -> TemplateEnvironment {
    TemplateEnvironment(loader: DictionaryTemplateLoader(templates, displayPrefix: "Templates/"))
}

/// The diagnostics `check` throws for `main.stencil` (empty when it passes), as printed.
func checkDiagnostics<Model: TemplateViewModel>(
    _ template: String, partials: [String: String] = [:], against model: Model.Type
) -> [String] {
    var templates = partials
    templates[mainTemplate] = template
    do throws(DiagnosticError) {
        try makeEnvironment(templates: templates).check(templateNamed: mainTemplate, against: model)
        return []
    } catch {
        return error.diagnostics.map(\.description)
    }
}
