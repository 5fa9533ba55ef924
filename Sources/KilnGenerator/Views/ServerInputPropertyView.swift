import KilnTemplates

/// A stored property of `Operations.X.Input`: a parameter or the body.
struct ServerInputPropertyView: TemplateViewModel {
    var name: String
    /// The type as the client spells it inside `Operations.X`, without the optional.
    var type: String
    var isOptional: Bool
    /// The spec's documentation of the parameter or body, if any.
    var doc: String?
    /// How the parameter is read from a request; `nil` for the body.
    var parameter: ServerParameterReadView?

    static let members: TemplateMembers<ServerInputPropertyView> = [
        .init("name") { $0.name }, .init("type") { $0.type }, .init("isOptional") { $0.isOptional }, .init("doc") { $0.doc },
        .init("parameter") { $0.parameter },
    ]
}
