import KilnTemplates

/// The operations sharing a tag, emitted together in `Client+Tag.swift` and `Operations+Tag.swift`.
struct OperationGroupView: TemplateViewModel {
    var name: String
    var doc: String?
    var operations: [OperationView]

    static let members: [TemplateMember<OperationGroupView>] = [
        .init("name", \.name), .init("doc", \.doc), .init("operations", \.operations),
    ]
}
