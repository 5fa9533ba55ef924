import KilnTemplates

/// One parameter of a model's memberwise initializer, spelled by the `initParameter` macro.
struct InitParameterView: TemplateViewModel {
    var name: String
    var type: TypeReferenceView
    /// Optional parameters default to `nil` unless the schema gives a default.
    var isOptional: Bool
    /// The extra-members dictionary defaults to empty.
    var defaultsToEmpty: Bool = false
    /// The schema's `default`, when the initializer can take it as the argument's default.
    var defaultLiteral: DefaultLiteralView?

    static let members: TemplateMembers<InitParameterView> = [
        .init("name") { $0.name }, .init("type") { $0.type }, .init("isOptional") { $0.isOptional },
        .init("defaultsToEmpty") { $0.defaultsToEmpty }, .init("defaultLiteral") { $0.defaultLiteral },
    ]
}
