import KilnTemplates

/// The call shown in an operation's doc comment: its convenience method with the required
/// parameters and the body, the result bound to a variable named after its type.
struct UsageExampleView: TemplateViewModel {
    /// The variable the result is bound to; `nil` when the method returns nothing.
    var binding: String?
    var method: String
    var arguments: [ExampleArgumentView]
    /// Whether the arguments go one per line (the call on one line would pass 100 characters).
    var wraps: Bool

    static let members: TemplateMembers<UsageExampleView> = [
        .init("binding", \.binding), .init("method", \.method), .init("arguments", \.arguments), .init("wraps", \.wraps),
    ]

    static let maximumInlineWidth = 100

    init(binding: String?, method: String, arguments: [ExampleArgumentView]) {
        self.binding = binding
        self.method = method
        self.arguments = arguments
        // `let binding = ` and `try await client.` before the method, parentheses around the arguments.
        let head = (binding.map { $0.count + 7 } ?? 0) + 17 + method.count + 1
        wraps = head + ExampleValueView.listWidth(arguments.map(\.writtenWidth)) + 1 > Self.maximumInlineWidth
    }
}
