import KilnTemplates

/// A response's headers struct (`Operations.X.OkHeaders`): typed properties and their decoding.
struct HeadersView: TemplateViewModel {
    var name: String
    var doc: String
    var properties: [HeaderPropertyView]
    /// The memberwise initializer's parameters.
    var initArguments: ArgumentListView
    /// Whether `init(decoding:)` passes the decoded headers one per line.
    var decodingWraps: Bool

    static let members: [TemplateMember<HeadersView>] = [
        .init("name", \.name), .init("doc", \.doc), .init("properties", \.properties), .init("initArguments", \.initArguments),
        .init("decodingWraps", \.decodingWraps),
    ]
}
