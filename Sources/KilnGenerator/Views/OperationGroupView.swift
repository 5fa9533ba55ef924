import KilnTemplates

/// The tag whose operations a pair of files holds (`Client+Tag.swift`, `Operations+Tag.swift`).
struct OperationGroupView: TemplateViewModel {
    var name: String
    var doc: String?

    static let members: TemplateMembers<OperationGroupView> = [.init("name", \.name), .init("doc", \.doc)]
}
