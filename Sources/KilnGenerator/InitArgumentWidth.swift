import KilnIR
import KilnTemplates

/// Whether an initializer's parameter list fits on one line, decided before rendering: the
/// template spells each parameter, but must know up front whether to put one per line.
///
/// Widths are measured on the IR's own spelling of types (`IRTypeReference.swiftName`), which
/// the built-in `typeName` macro reproduces; the rule is the `argumentList` filter's
/// (`ArgumentListLayout`, 80 columns), which the server's `Input.init` uses on its rendered text.
enum InitArgumentWidth {
    /// `: ` between a parameter's name and its type.
    private static let separator = 2
    /// `?` and ` = nil` after an optional parameter's type.
    private static let optionalSuffix = 7
    /// ` = [:]` after the extra-members dictionary.
    private static let emptyDictionaryDefault = 6
    /// `, ` between parameters.
    private static let listSeparator = 2
    /// `?` after an optional parameter's type.
    private static let optionalMark = 1
    /// ` = ` before a default other than `nil`.
    private static let defaultSeparator = 3

    static func of(name: String, type: IRTypeReference, optional: Bool) -> Int {
        name.count + separator + type.swiftName.count + (optional ? optionalSuffix : 0)
    }

    /// A parameter defaulting to the schema's `default`, `defaultWidth` characters as spelled.
    static func of(name: String, type: IRTypeReference, optional: Bool, defaultWidth: Int) -> Int {
        name.count + separator + type.swiftName.count + (optional ? optionalMark : 0) + defaultSeparator + defaultWidth
    }

    static func ofAdditionalProperties(name: String, valueType: IRTypeReference) -> Int {
        name.count + separator + IRTypeReference.dictionary(valueType).swiftName.count + emptyDictionaryDefault
    }

    static func wraps(_ widths: [Int]) -> Bool {
        let inline = widths.reduce(0, +) + listSeparator * max(widths.count - 1, 0)
        return inline > ArgumentListLayout.maximumInlineLength
    }
}
