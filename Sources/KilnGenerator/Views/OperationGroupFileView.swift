import KilnTemplates

/// The model of `Operations.swift.stencil` and `OperationTypes.swift.stencil`: one tag's operations.
struct OperationGroupFileView: TemplateViewModel {
    var file: FileContext
    var group: OperationGroupView
    var operations: [OperationView]

    static let members: TemplateMembers<OperationGroupFileView> = FileContext.members(\.file) + [
        .init("group", \.group), .init("operations", \.operations),
    ]
}
