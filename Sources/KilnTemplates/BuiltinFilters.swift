/// The filters every `TemplateEnvironment` starts with. This is the one list of them.
///
/// Strings:
/// - `upper`, `lower`: the whole string upper/lower-cased.
/// - `capitalize`: the first character upper-cased, the rest unchanged (`userID` → `UserID`).
/// - `lowerFirst`: the first character lower-cased, the rest unchanged (`URLPath` → `uRLPath`).
/// - `trim`: whitespace and newlines removed from both ends.
/// - `replace:from,to`: every occurrence of `from` (not empty) replaced by `to`.
/// - `indent:n` / `indent:n,true`: `n` spaces added before every non-empty line except the
///   first (which sits where the `{{ }}` is); with `true` the first line too. Empty lines stay
///   empty, so generated code has no trailing whitespace.
/// - `lines`: the string split at line breaks (`\n` or `\r\n`), without a last empty line for a
///   trailing newline; `""` gives `[]`.
///
/// Collections (and strings, where it makes sense):
/// - `count`: characters of a string, elements of an array, entries of a dictionary.
/// - `first`, `last`: an array's first/last element (null when empty); a string's first/last
///   character (`""` when empty).
/// - `reverse`: an array or string reversed.
/// - `join` / `join:separator`: an array's elements as text, joined by `separator` (default `""`).
/// - `isEmpty`: whether a string, array or dictionary is empty; true for null.
///
/// Code layout:
/// - `argumentList:column`: arguments laid out by `ArgumentListLayout`: `a, b` when that is at
///   most 80 characters, else one per line `column + 4` spaces in, ending with a line break and
///   `column` spaces (write the parentheses around it: `f({{ args|argumentList:8 }})`). The input
///   is an array of strings, or a string with one argument per non-blank line (trimmed), as
///   `{% capture %}` gives.
///
/// Any value:
/// - `default:fallback`: `fallback` when the value is null or `""`, the value otherwise.
///
/// Filters are strict like the rest of the engine: the wrong kind of value or wrong arguments
/// (`{{ 3|upper }}`, `{{ s|indent }}`) fail with a located error instead of printing something.
enum BuiltinFilters {
    static let all: [String: TemplateFilter] = [
        "upper": { value, arguments in try mapString(value, arguments) { $0.uppercased() } },
        "lower": { value, arguments in try mapString(value, arguments) { $0.lowercased() } },
        "capitalize": { value, arguments in try mapString(value, arguments, capitalize) },
        "lowerFirst": { value, arguments in try mapString(value, arguments, lowerFirst) },
        "trim": { value, arguments in try mapString(value, arguments, trim) },
        "replace": replace,
        "indent": indent,
        "lines": lines,
        "count": count,
        "first": first,
        "last": last,
        "reverse": reverse,
        "join": join,
        "isEmpty": isEmpty,
        "default": defaultValue,
        "argumentList": argumentList,
    ]

    // MARK: - Strings

    private static func mapString(
        _ value: TemplateValue, _ arguments: [TemplateValue], _ transform: (String) -> String
    ) throws(TemplateFilterError) -> TemplateValue {
        try expectArguments(arguments, 0...0)
        return .string(transform(try string(value)))
    }

    private static func capitalize(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    private static func lowerFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }

    private static func trim(_ text: String) -> String {
        guard let start = text.firstIndex(where: { !$0.isWhitespace }),
            let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(text[start...last])
    }

    private static func replace(_ value: TemplateValue, _ arguments: [TemplateValue]) throws -> TemplateValue {
        try expectArguments(arguments, 2...2)
        let text = try string(value)
        let target = try string(arguments[0], argument: 1)
        let replacement = try string(arguments[1], argument: 2)
        guard !target.isEmpty else { throw TemplateFilterError("the text to replace must not be empty") }
        return .string(text.replacing(target, with: replacement))
    }

    private static func indent(_ value: TemplateValue, _ arguments: [TemplateValue]) throws -> TemplateValue {
        try expectArguments(arguments, 1...2)
        let text = try string(value)
        guard case .int(let width) = arguments[0] else {
            throw TemplateFilterError("argument 1 must be an int, got \(arguments[0].kindName)")
        }
        guard width >= 0 else { throw TemplateFilterError("argument 1 must not be negative, got \(width)") }
        let indentsFirst = try arguments.count > 1 ? bool(arguments[1], argument: 2) : false
        let padding = String(repeating: " ", count: width)
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for (index, line) in splitLines(text).enumerated() {
            if index > 0 { result.append("\n") }
            if (index > 0 || indentsFirst) && !line.isEmpty && line != "\r" { result.append(padding) }
            result.append(contentsOf: line)
        }
        return .string(result)
    }

    private static func lines(_ value: TemplateValue, _ arguments: [TemplateValue]) throws -> TemplateValue {
        try expectArguments(arguments, 0...0)
        var lines = splitLines(try string(value)).map { line in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        // "a\nb\n" is two lines, not three.
        if lines.last == "" { lines.removeLast() }
        return .array(lines.map(TemplateValue.string))
    }

    /// Splits at `\n` only, keeping a `\r` before it: a `Character` split would see `\r\n` as one
    /// character and miss it, and `indent` must reproduce the original line endings.
    private static func splitLines(_ text: String) -> [Substring] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(Substring.init)
    }

    // MARK: - Collections

    private static func count(_ value: TemplateValue, _ arguments: [TemplateValue]) throws -> TemplateValue {
        try expectArguments(arguments, 0...0)
        switch value {
        case .string(let text): return .int(text.count)
        case .array(let items): return .int(items.count)
        case .dictionary(let entries): return .int(entries.count)
        case .object(let object): return .int(object.values.count)
        default: throw TemplateFilterError("expects a string, array or dictionary, got \(value.kindName)")
        }
    }

    private static func first(_ value: TemplateValue, _ arguments: [TemplateValue]) throws -> TemplateValue {
        try expectArguments(arguments, 0...0)
        switch value {
        case .string(let text): return .string(text.first.map(String.init) ?? "")
        case .array(let items): return items.first ?? .null
        default: throw TemplateFilterError("expects a string or array, got \(value.kindName)")
        }
    }

    private static func last(_ value: TemplateValue, _ arguments: [TemplateValue]) throws -> TemplateValue {
        try expectArguments(arguments, 0...0)
        switch value {
        case .string(let text): return .string(text.last.map(String.init) ?? "")
        case .array(let items): return items.last ?? .null
        default: throw TemplateFilterError("expects a string or array, got \(value.kindName)")
        }
    }

    private static func reverse(_ value: TemplateValue, _ arguments: [TemplateValue]) throws -> TemplateValue {
        try expectArguments(arguments, 0...0)
        switch value {
        case .string(let text): return .string(String(text.reversed()))
        case .array(let items): return .array(items.reversed())
        default: throw TemplateFilterError("expects a string or array, got \(value.kindName)")
        }
    }

    private static func join(_ value: TemplateValue, _ arguments: [TemplateValue]) throws -> TemplateValue {
        try expectArguments(arguments, 0...1)
        guard case .array(let items) = value else {
            throw TemplateFilterError("expects an array, got \(value.kindName)")
        }
        let separator = try arguments.first.map { argument throws(TemplateFilterError) in try string(argument, argument: 1) } ?? ""
        return .string(items.map(\.renderedText).joined(separator: separator))
    }

    private static func isEmpty(_ value: TemplateValue, _ arguments: [TemplateValue]) throws -> TemplateValue {
        try expectArguments(arguments, 0...0)
        switch value {
        case .null: return .bool(true)
        case .string(let text): return .bool(text.isEmpty)
        case .array(let items): return .bool(items.isEmpty)
        case .dictionary(let entries): return .bool(entries.isEmpty)
        case .object(let object): return .bool(object.values.isEmpty)
        default: throw TemplateFilterError("expects a string, array or dictionary, got \(value.kindName)")
        }
    }

    // MARK: - Code layout

    private static func argumentList(_ value: TemplateValue, _ arguments: [TemplateValue]) throws -> TemplateValue {
        try expectArguments(arguments, 1...1)
        guard case .int(let column) = arguments[0] else {
            throw TemplateFilterError("argument 1 must be an int, got \(arguments[0].kindName)")
        }
        guard (0...1_000).contains(column) else {
            throw TemplateFilterError("argument 1 must be a column from 0 to 1000, got \(column)")
        }
        return .string(ArgumentListLayout.layOut(try ArgumentListLayout.arguments(in: value), column: column))
    }

    // MARK: - Any value

    private static func defaultValue(_ value: TemplateValue, _ arguments: [TemplateValue]) throws -> TemplateValue {
        try expectArguments(arguments, 1...1)
        switch value {
        case .null, .string(""): return arguments[0]
        default: return value
        }
    }

    // MARK: - Argument checks

    private static func expectArguments(_ arguments: [TemplateValue], _ allowed: ClosedRange<Int>) throws(TemplateFilterError) {
        guard !allowed.contains(arguments.count) else { return }
        let expected: String
        switch (allowed.lowerBound, allowed.upperBound) {
        case (0, 0): expected = "no arguments"
        case (1, 1): expected = "1 argument"
        case (let low, let high) where low == high: expected = "\(low) arguments"
        case (let low, let high) where high == low + 1: expected = "\(low) or \(high) arguments"
        case (let low, let high): expected = "\(low) to \(high) arguments"
        }
        throw TemplateFilterError("expects \(expected), got \(arguments.count)")
    }

    /// The filtered value as a string; `argument` (1-based) names an argument instead.
    private static func string(_ value: TemplateValue, argument: Int? = nil) throws(TemplateFilterError) -> String {
        if case .string(let text) = value { return text }
        let subject = argument.map { "argument \($0) must be" } ?? "expects"
        throw TemplateFilterError("\(subject) a string, got \(value.kindName)")
    }

    private static func bool(_ value: TemplateValue, argument: Int) throws(TemplateFilterError) -> Bool {
        if case .bool(let flag) = value { return flag }
        throw TemplateFilterError("argument \(argument) must be true or false, got \(value.kindName)")
    }
}
