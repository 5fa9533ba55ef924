import KilnTemplates

/// A struct's stored members and how it is coded.
struct ObjectView: TemplateViewModel {
    var properties: [PropertyView]
    /// Whether the struct spells out `init(from:)` and `encode(to:)` (synthesized coding otherwise).
    var explicitCoding: Bool
    /// Coding-key members (`name`) of the optional properties whose explicit `null` is kept.
    var nullPreservingMembers: [String]
    var additionalProperties: AdditionalPropertiesView?
    /// The memberwise initializer's parameters, in order.
    var initParameters: [InitParameterView]
    /// Whether the memberwise initializer's parameters go one per line (decided from their width).
    var wrapsInitArguments: Bool

    static let members: TemplateMembers<ObjectView> = [
        .init("properties") { $0.properties }, .init("explicitCoding") { $0.explicitCoding },
        .init("nullPreservingMembers") { $0.nullPreservingMembers }, .init("additionalProperties") { $0.additionalProperties },
        .init("initParameters") { $0.initParameters }, .init("wrapsInitArguments") { $0.wrapsInitArguments },
    ]
}

/// The member holding keys beyond the declared properties.
struct AdditionalPropertiesView: TemplateViewModel {
    var name: String
    var valueType: TypeReferenceView

    static let members: TemplateMembers<AdditionalPropertiesView> = [.init("name") { $0.name }, .init("valueType") { $0.valueType }]
}
