import KilnTemplates

/// A method's parameters and whether they are laid out one per line: on one line when that stays
/// within `ArgumentListView.maximumInlineWidth` characters, as the templates used to lay them out.
struct ArgumentListView: TemplateViewModel {
    var arguments: [ArgumentView]
    var wraps: Bool

    static let maximumInlineWidth = 80

    static let members: TemplateMembers<ArgumentListView> = [.init("arguments", \.arguments), .init("wraps", \.wraps)]

    init(_ arguments: [ArgumentView]) {
        self.arguments = arguments
        wraps = Self.exceedsInlineWidth(arguments.map(\.writtenWidth))
    }

    /// Whether items of these widths, separated by a comma and a space, exceed the inline width.
    static func exceedsInlineWidth(_ widths: [Int]) -> Bool {
        widths.reduce(0, +) + 2 * max(widths.count - 1, 0) > maximumInlineWidth
    }
}
