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
    ///
    /// One pass over the UTF-8 bytes (the words of `splitWords` are ASCII runs, so the result is
    /// ASCII): enum cases alone call this ten thousand times for a large spec, and building the
    /// word array, each word and the joined name cost ~10,000 instructions a long value.
    public static func memberName(_ raw: String) -> String {
        var name: [UInt8] = []
        name.reserveCapacity(raw.utf8.count + 1)
        var firstWordEnd: Int?
        var inWord = false
        for byte in raw.utf8 {
            guard isASCIILetterOrDigit(byte) else {
                if inWord, firstWordEnd == nil { firstWordEnd = name.count }
                inWord = false
                continue
            }
            // Every word after the first starts with a capital (`capitalizingFirst`).
            let startsLaterWord = !inWord && !name.isEmpty
            name.append(startsLaterWord && isASCIILowercase(byte) ? byte - 0x20 : byte)
            inWord = true
        }
        guard !name.isEmpty else { return sanitizedStart("", fallback: "value") }
        lowercaseLeadingCapitals(of: &name, wordEnd: firstWordEnd ?? name.count)
        // Identifiers cannot start with a digit (`sanitizedStart`).
        if (0x30...0x39).contains(name[0]) { name.insert(UInt8(ascii: "_"), at: 0) }
        let member = String(decoding: name, as: UTF8.self)
        // `self.self` and `self.init` mean something else than a member; no escaping helps there.
        return unusableMemberNames.contains(member) ? member + "Value" : member
    }

    /// `lowercasingLeadingCapitals` on the first word, `name[..<wordEnd]`, in place.
    private static func lowercaseLeadingCapitals(of name: inout [UInt8], wordEnd: Int) {
        var upperRun = 0
        while upperRun < wordEnd, isASCIIUppercase(name[upperRun]) { upperRun += 1 }
        guard upperRun > 0 else { return }
        // Keep the last capital of a run when it starts the next word: HTTPStatus → http|Status.
        let lowered = upperRun == wordEnd || upperRun == 1 ? upperRun : upperRun - 1
        for index in 0..<lowered { name[index] += 0x20 }
    }

    /// A case name from a constant's `title`. A title written all in capitals (`GUILD_TEXT`) is words
    /// shouted, not acronyms: `guildText`, where `memberName` would keep the capitals (`guildTEXT`).
    public static func memberName(forTitle title: String) -> String {
        let shouted = !title.utf8.contains { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }
        return memberName(shouted ? title.lowercased() : title)
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
    ///
    /// Works on UTF-8 bytes: every byte of a non-ASCII scalar is ≥ 0x80, so it separates words just
    /// as the scalar would, and no Unicode property look-up is needed.
    static func splitWords(_ raw: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        for byte in raw.utf8 {
            if isASCIILetterOrDigit(byte) {
                current.append(byte)
            } else if !current.isEmpty {
                words.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    static func capitalizingFirst(_ word: String) -> String {
        if let first = word.utf8.first, first < 0x80, word.utf8.dropFirst().first.map({ $0 < 0x80 }) ?? true {
            // An ASCII first character (as in every word `splitWords` makes): only a-z changes.
            guard isASCIILowercase(first) else { return word }
            var bytes = Array(word.utf8)
            bytes[0] = first - 0x20
            return String(decoding: bytes, as: UTF8.self)
        }
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }

    /// `URL` → `url`, `HTTPStatus` → `httpStatus`, `OAuth2` → `oAuth2`, `nodeType` → `nodeType`.
    static func lowercasingLeadingCapitals(_ word: String) -> String {
        guard word.utf8.allSatisfy({ $0 < 0x80 }) else { return lowercasingLeadingCapitalsOfCharacters(word) }
        // ASCII: one byte per character, and only A-Z are uppercase.
        var bytes = Array(word.utf8)
        var upperRun = 0
        while upperRun < bytes.count, isASCIIUppercase(bytes[upperRun]) { upperRun += 1 }
        if upperRun == 0 { return word }
        // Keep the last capital of a run when it starts the next word: HTTPStatus → http|Status.
        let lowered = upperRun == bytes.count || upperRun == 1 ? upperRun : upperRun - 1
        for index in 0..<lowered { bytes[index] += 0x20 }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func lowercasingLeadingCapitalsOfCharacters(_ word: String) -> String {
        let characters = Array(word)
        var upperRun = 0
        while upperRun < characters.count, characters[upperRun].isUppercase { upperRun += 1 }
        if upperRun == 0 { return word }
        let lowered = upperRun == characters.count || upperRun == 1 ? upperRun : upperRun - 1
        return String(characters[..<lowered]).lowercased() + String(characters[lowered...])
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        isASCIIUppercase(byte) || isASCIILowercase(byte) || (0x30...0x39).contains(byte)
    }

    private static func isASCIIUppercase(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) }
    private static func isASCIILowercase(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) }

    /// Identifiers cannot start with a digit; an empty name gets the fallback.
    static func sanitizedStart(_ name: String, fallback: String) -> String {
        guard let firstByte = name.utf8.first else { return fallback }
        // An ASCII first byte is the whole first character unless a combining mark follows it.
        if firstByte < 0x80, name.utf8.dropFirst().first.map({ $0 < 0x80 }) ?? true {
            return (0x30...0x39).contains(firstByte) ? "_" + name : name
        }
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
