import KilnTemplates

/// A row of the module README's operation table: method, path, Swift method and summary, each
/// made safe for one Markdown table cell.
struct ReadmeOperationView: TemplateViewModel {
    var method: String
    var path: String
    /// `createIdentity(body:)`.
    var selector: String
    var summary: String

    static let members: TemplateMembers<ReadmeOperationView> = [
        .init("method", \.method), .init("path", \.path), .init("selector", \.selector), .init("summary", \.summary),
    ]
}
