import KilnTemplates

/// A placeholder value in a doc-comment call example, for `UsageExample.stencil`'s `exampleValue` macro.
struct ExampleValueView: TemplateViewModel {
    /// `text` (a string literal of `text`), `number` and `bool` (written as `text`), `array`
    /// (`elements`), `dictionary` (always empty), `call` (`text(arguments)`: a type's initializer)
    /// or `member` (`.text`, with the payload in `elements` when there is one).
    var kind: String
    var text: String
    var elements: [ExampleValueView]
    var arguments: [ExampleArgumentView]

    static let members: TemplateMembers<ExampleValueView> = [
        .init("kind", \.kind), .init("text", \.text), .init("elements", \.elements), .init("arguments", \.arguments),
        .init("payload") { $0.elements.first },
    ]

    static func text(_ text: String) -> ExampleValueView { ExampleValueView(kind: "text", text: text, elements: [], arguments: []) }
    static func number(_ text: String) -> ExampleValueView { ExampleValueView(kind: "number", text: text, elements: [], arguments: []) }
    static let boolean = ExampleValueView(kind: "bool", text: String(true), elements: [], arguments: [])
    static let emptyDictionary = ExampleValueView(kind: "dictionary", text: "", elements: [], arguments: [])

    static func array(_ elements: [ExampleValueView]) -> ExampleValueView {
        ExampleValueView(kind: "array", text: "", elements: elements, arguments: [])
    }

    static func call(_ typeName: String, _ arguments: [ExampleArgumentView]) -> ExampleValueView {
        ExampleValueView(kind: "call", text: typeName, elements: [], arguments: arguments)
    }

    static func member(_ name: String, payload: ExampleValueView? = nil) -> ExampleValueView {
        ExampleValueView(kind: "member", text: name, elements: payload.map { [$0] } ?? [], arguments: [])
    }

    /// The width of the value as the macro writes it, for laying out the example call: quotes
    /// around text, brackets, `[:]`, parentheses, a dot before a member, `, ` between items.
    var writtenWidth: Int {
        switch kind {
        case "text": return SwiftSyntaxFilters.swiftStringLiteral(text).count
        case "array": return 2 + Self.listWidth(elements.map(\.writtenWidth))
        case "dictionary": return 3
        case "call": return text.count + 2 + Self.listWidth(arguments.map(\.writtenWidth))
        case "member": return 1 + text.count + (elements.isEmpty ? 0 : 2 + Self.listWidth(elements.map(\.writtenWidth)))
        default: return text.count
        }
    }

    static func listWidth(_ widths: [Int]) -> Int {
        widths.reduce(0, +) + 2 * max(widths.count - 1, 0)
    }
}
