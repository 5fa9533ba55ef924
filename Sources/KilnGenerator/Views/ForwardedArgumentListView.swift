import KilnTemplates

/// The arguments of a forwarding call, and whether they go one per line (as `ArgumentListView`).
struct ForwardedArgumentListView: TemplateViewModel {
    var arguments: [ForwardedArgumentView]
    var wraps: Bool

    static let members: TemplateMembers<ForwardedArgumentListView> = [.init("arguments", \.arguments), .init("wraps", \.wraps)]

    init(_ arguments: [ForwardedArgumentView]) {
        self.arguments = arguments
        // `label: value`: two characters between the names.
        // A literal's quotes add two more.
        wraps = ArgumentListView.exceedsInlineWidth(arguments.map { $0.label.count + 2 + $0.value.count + ($0.isText ? 2 : 0) })
    }
}
