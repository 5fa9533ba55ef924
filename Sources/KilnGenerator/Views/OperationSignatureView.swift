import KilnTemplates

/// The parameters of an operation's methods, as the client declares them; the typed API the
/// server side builds its `Input` from as well.
struct OperationSignatureView: TemplateViewModel {
    var arguments: ArgumentListView

    static let members: TemplateMembers<OperationSignatureView> = [.init("arguments", \.arguments)]
}
