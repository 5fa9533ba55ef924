import KilnTemplates

/// A row of the module README's model table.
struct ReadmeModelView: TemplateViewModel {
    var name: String
    /// `struct`, `enum`, `one of, by `kind``, or the aliased type in a code span.
    var kind: String
    var summary: String

    static let members: TemplateMembers<ReadmeModelView> = [.init("name", \.name), .init("kind", \.kind), .init("summary", \.summary)]
}
