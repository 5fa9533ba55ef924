import KilnTemplates

/// A tag's section of the module README's operation table.
struct ReadmeGroupView: TemplateViewModel {
    var name: String
    var operations: [ReadmeOperationView]

    static let members: TemplateMembers<ReadmeGroupView> = [.init("name", \.name), .init("operations", \.operations)]
}
