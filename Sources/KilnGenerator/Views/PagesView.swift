import KilnTemplates

/// `xPages`, for an operation the IR says pages: the cursor parameter is left out of the
/// arguments and filled with each next page's token.
struct PagesView: TemplateViewModel {
    var name: String
    var itemType: TypeReferenceView
    /// The query parameter carrying the token, when it is not `PageSequence`'s default.
    var tokenParameter: String?
    var arguments: ArgumentListView
    var forwarding: ForwardedArgumentListView
    /// The success cases, whose body is the page's items.
    var successCases: [ResponseCasePatternView]

    static let members: TemplateMembers<PagesView> = [
        .init("name", \.name), .init("itemType", \.itemType), .init("tokenParameter", \.tokenParameter),
        .init("arguments", \.arguments), .init("forwarding", \.forwarding), .init("successCases", \.successCases),
    ]
}
