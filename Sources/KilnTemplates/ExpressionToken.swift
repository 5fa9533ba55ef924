import KilnDiagnostics

/// One token inside a `{{ }}` or `{% %}` tag.
struct ExpressionToken {
    enum Kind: Equatable {
        /// Names, keywords (`and`, `in`, …) and tag names alike; the parser decides which.
        case identifier(String)
        case integer(Int)
        case string(String)
        case symbol(ExpressionSymbol)
    }

    let kind: Kind
    let location: SourceLocation

    /// How diagnostics quote the token: `unexpected 'b'`.
    var quoted: String {
        switch kind {
        case .identifier(let name): return "'\(name)'"
        case .integer(let value): return "'\(value)'"
        case .string(let value): return "'\"\(value)\"'"
        case .symbol(let symbol): return "'\(symbol.rawValue)'"
        }
    }

    var identifier: String? {
        if case .identifier(let name) = kind { return name }
        return nil
    }
}

/// Punctuation and operators, longest spellings first so `<=` is not read as `<`.
enum ExpressionSymbol: String, CaseIterable {
    case equal = "=="
    case notEqual = "!="
    case lessOrEqual = "<="
    case greaterOrEqual = ">="
    case less = "<"
    case greater = ">"
    case assign = "="
    case dot = "."
    case pipe = "|"
    case colon = ":"
    case comma = ","
    case openParenthesis = "("
    case closeParenthesis = ")"

    /// The symbols with their UTF-8 spellings, in matching order.
    static let spellings: [(ExpressionSymbol, [UInt8])] = allCases.map { ($0, Array($0.rawValue.utf8)) }
}
