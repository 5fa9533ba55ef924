import KilnIR
import KilnTemplates

/// A schema's `default` as the memberwise initializer's argument default: the `defaultLiteral`
/// macro of `TypeName.stencil` spells it from `kind` and `text` (strings are escaped there).
struct DefaultLiteralView: TemplateViewModel {
    /// `string`, `integer`, `number`, `boolean`, `enumCase` or `emptyArray`.
    var kind: String
    /// The raw value: the string itself, the number as written, `true`/`false`, or the enum case's
    /// member name (after a dot, so never escaped); empty for `emptyArray`.
    var text: String

    static let members: TemplateMembers<DefaultLiteralView> = [.init("kind") { $0.kind }, .init("text") { $0.text }]

    init(_ value: IRDefaultValue) {
        switch value {
        case .string(let string): (kind, text) = ("string", string)
        case .integer(let integer): (kind, text) = ("integer", String(integer))
        case .number(let number): (kind, text) = ("number", number)
        case .boolean(let boolean): (kind, text) = ("boolean", String(boolean))
        case .enumCase(let name): (kind, text) = ("enumCase", SwiftNaming.memberReference(name))
        case .emptyArray: (kind, text) = ("emptyArray", "")
        }
    }

    /// How many characters the macro writes, for `InitArgumentWidth`.
    var spelledWidth: Int {
        switch kind {
        case "string": return SwiftSyntaxFilters.swiftStringLiteral(text).count
        case "enumCase": return text.count + 1
        case "emptyArray": return 2
        default: return text.count
        }
    }
}
