import KilnTemplates

/// A response's headers struct (`Operations.X.OkHeaders`): typed properties and their decoding.
struct HeadersView: TemplateViewModel {
    var name: String
    /// The response's status, for the doc comment: `code` (`status` is the code), `range`
    /// (`status` is the first digit) or `default`.
    var statusKind: String
    var status: Int
    var properties: [HeaderPropertyView]
    /// The memberwise initializer's parameters.
    var initArguments: ArgumentListView
    /// Whether `init(decoding:)` passes the decoded headers one per line.
    var decodingWraps: Bool

    static let members: TemplateMembers<HeadersView> = [
        .init("name", \.name), .init("statusKind", \.statusKind), .init("status", \.status), .init("properties", \.properties), .init("initArguments", \.initArguments),
        .init("decodingWraps", \.decodingWraps),
    ]
}
