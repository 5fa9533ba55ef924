import KilnTemplates

/// One parameter of a model's memberwise initializer, spelled by the `initParameter` macro.
struct InitParameterView: TemplateViewModel {
    var name: String
    var type: TypeReferenceView
    /// Optional parameters default to `nil`.
    var isOptional: Bool
    /// The extra-members dictionary defaults to empty.
    var defaultsToEmpty: Bool = false

    static let members: [TemplateMember<InitParameterView>] = [
        .init("name", \.name), .init("type", \.type), .init("isOptional", \.isOptional),
        .init("defaultsToEmpty", \.defaultsToEmpty),
    ]
}
