/// A schema's `default`, when it is a value of the property's Swift type that an initializer can take
/// as its argument's default (`limit: Int? = 20`, `sort: Sort? = .ascending`). Defaults Swift cannot
/// spell as a literal of the type (objects, dates, non-empty arrays) stay in the documentation only.
public enum IRDefaultValue: Sendable, Hashable {
    case string(String)
    case integer(Int)
    /// A floating-point default as written in the document (`0.5`), so the literal reads the same.
    case number(String)
    case boolean(Bool)
    /// A case of the property's enum type, by its Swift name (unescaped).
    case enumCase(String)
    case emptyArray
}
