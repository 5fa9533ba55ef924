import KilnTemplates

/// One parameter of a model's memberwise initializer, spelled by the `initParameter` macro.
struct InitParameterView: TemplateViewModel {
    var name: String
    var type: TypeReferenceView
    /// Optional parameters default to `nil`.
    var isOptional: Bool
    /// The extra-members dictionary defaults to empty.
    var defaultsToEmpty: Bool = false

    static let members: TemplateMembers<InitParameterView> = [
        .init("name") { $0.name }, .init("type") { $0.type }, .init("isOptional") { $0.isOptional },
        .init("defaultsToEmpty") { $0.defaultsToEmpty },
    ]
}
