import KilnTemplates

/// The model of `ClientProtocol.swift.stencil`: every operation's methods as requirements.
struct ClientProtocolFileView: TemplateViewModel {
    var file: FileContext
    var operations: [MockOperationView]

    static let members: TemplateMembers<ClientProtocolFileView> = FileContext.members(\.file) + [
        .init("operations", \.operations),
        // Those with a method taking optional parameters, which the protocol's extension defaults.
        .init("defaultingOperations") { $0.operations.filter { $0.methods.contains(where: \.hasDefaults) } },
    ]
}
