/// Turns names from a spec (`node_type`, `getVersion_200_response`, `current-password`) into Swift
/// identifiers. Pure functions: the same input always gives the same name.
public enum SwiftNaming {
    /// `UpperCamelCase` for types: `uiNodeInputAttributes` → `UiNodeInputAttributes`.
    public static func typeName(_ raw: String) -> String {
        let words = splitWords(raw)
        let name = words.map(capitalizingFirst).joined()
        return sanitizedStart(name, fallback: "Value")
    }

    /// `lowerCamelCase` for members, cases and methods: `node_type` → `nodeType`, `URL` → `url`.
    public static func memberName(_ raw: String) -> String {
        let words = splitWords(raw)
        guard let first = words.first else { return sanitizedStart("", fallback: "value") }
        let name = lowercasingLeadingCapitals(first) + words.dropFirst().map(capitalizingFirst).joined()
        let member = sanitizedStart(name, fallback: "value")
        // `self.self` and `self.init` mean something else than a member; no escaping helps there.
        return unusableMemberNames.contains(member) ? member + "Value" : member
    }

    static let unusableMemberNames: Set<String> = ["self", "init", "Type", "Protocol", "Self", "deinit", "subscript"]

    /// The identifier as it must be written in source: keywords in backticks.
    public static func escaped(_ identifier: String) -> String {
        keywords.contains(identifier) ? "`\(identifier)`" : identifier
    }

    /// The identifier after a dot (`.default`): Swift accepts most keywords there unescaped.
    public static func memberReference(_ identifier: String) -> String {
        ["self", "init", "Type", "Protocol", "Self", "_"].contains(identifier) ? "`\(identifier)`" : identifier
    }

    /// Words are runs of ASCII letters and digits; everything else separates them.
    /// Internal capitals are kept, so camelCase input keeps its word boundaries.
    static func splitWords(_ raw: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in raw.unicodeScalars {
            if scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    static func capitalizingFirst(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }

    /// `URL` → `url`, `HTTPStatus` → `httpStatus`, `OAuth2` → `oAuth2`, `nodeType` → `nodeType`.
    static func lowercasingLeadingCapitals(_ word: String) -> String {
        let characters = Array(word)
        var upperRun = 0
        while upperRun < characters.count, characters[upperRun].isUppercase { upperRun += 1 }
        if upperRun == 0 { return word }
        // Keep the last capital of a run when it starts the next word: HTTPStatus → http|Status.
        let lowered = upperRun == characters.count || upperRun == 1 ? upperRun : upperRun - 1
        return String(characters[..<lowered]).lowercased() + String(characters[lowered...])
    }

    /// Identifiers cannot start with a digit; an empty name gets the fallback.
    static func sanitizedStart(_ name: String, fallback: String) -> String {
        guard let first = name.first else { return fallback }
        return first.isNumber ? "_" + name : name
    }

    /// Words that must be escaped with backticks to be used as identifiers.
    public static let keywords: Set<String> = [
        "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate",
        "func", "import", "init", "inout", "internal", "let", "nonisolated", "open", "operator", "private",
        "precedencegroup", "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias",
        "var", "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for",
        "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while", "Any", "as", "await",
        "false", "is", "nil", "self", "Self", "super", "throws", "true", "try", "_",
    ]
}
