/// An RFC 6901 JSON pointer written as a URI fragment (`#/paths/~1identities/get`).
///
/// Built token by token while the decoder descends, so every model object can say exactly where
/// in the document it came from, and so `$ref` targets can be matched against it.
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible {
    /// The fragment form, `#` for the whole document.
    public private(set) var fragment: String

    /// The pointer to the whole document.
    public static let root = JSONPointer(fragment: "#")

    private init(fragment: String) {
        self.fragment = fragment
    }

    /// This pointer extended by one (unescaped) mapping key.
    public func appending(_ token: String) -> JSONPointer {
        JSONPointer(fragment: fragment + "/" + JSONPointer.escape(token))
    }

    /// This pointer extended by one sequence index.
    public func appending(_ index: Int) -> JSONPointer {
        JSONPointer(fragment: fragment + "/" + String(index))
    }

    public var description: String { fragment }

    /// RFC 6901 escaping of one token: `~` → `~0` first (so the `~` of `~1` is not re-escaped), then `/` → `~1`.
    public static func escape(_ token: String) -> String {
        // Most tokens (keys, component names) need no escaping; skip the allocation for them.
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        var escaped = ""
        escaped.reserveCapacity(token.utf8.count + 4)
        for character in token {
            switch character {
            case "~": escaped += "~0"
            case "/": escaped += "~1"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// The unescaped tokens of a local pointer fragment (`#/a~1b/0` → `["a/b", "0"]`); `nil` unless it starts with `#`.
    public static func tokens(ofFragment fragment: String) -> [String]? {
        guard fragment.hasPrefix("#") else { return nil }
        let path = fragment.dropFirst()
        if path.isEmpty { return [] }
        guard path.hasPrefix("/") else { return nil }
        return path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
            .map { Reference.unescapePointerToken(String($0)) }
    }
}
