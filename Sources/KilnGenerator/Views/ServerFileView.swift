import KilnTemplates

/// The model of the per-operation server templates (`Server.APIHandler`, `Server.Router`,
/// `Server.Operations`): the file context and the operations the file serves.
struct ServerFileView: TemplateViewModel {
    var file: FileContext
    var operations: [ServerOperationView]

    static let members: TemplateMembers<ServerFileView> = FileContext.members { $0.file } + [
        .init("operations") { $0.operations },
    ]
}
