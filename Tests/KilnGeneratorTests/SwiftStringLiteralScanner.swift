import Foundation

/// Finds the string literals of a Swift source file and says which of them hold Swift syntax:
/// the check behind "KilnGenerator builds no Swift in string literals" (every emitted statement
/// belongs in a template, where an override can change it).
///
/// A literal's interpolations are replaced by `X` before it is judged, and literals nested inside
/// an interpolation are judged on their own. A literal holds Swift syntax when it has any of:
/// - a statement or declaration keyword followed by code: `try request.`, `let x =`, `switch body {`,
///   `case .json(`, `return `, `func `, `struct `…;
/// - an arrow, a nil-coalescing `??`, `.self`, `.init(`, an attribute (`@available`);
/// - a call with an argument label (`setPath(X, style:`), or a member call (`.setHeader(`);
/// - a declaration with a type (`name: String`, `body: X? = nil`), a dictionary type (`[String: `);
/// - a brace that opens or closes a block (`{` at the end or before a space/newline, `}` alone).
/// Prose (documentation sentences, error messages), media types, paths and names pass.
struct SwiftStringLiteralScanner {
    struct Literal: Equatable {
        var line: Int
        /// The literal's text with each interpolation replaced by `X`.
        var text: String
    }

    // Computed: a `Regex` is not `Sendable`, so it cannot be a stored static.
    private static var syntaxPatterns: [(String, Regex<Substring>)] {
        [
            ("a statement keyword", #/(?:^|[\s{(;])(?:try|await|return|throw|guard|switch|func|struct|enum|extension|import|let|var)\s+[\w.(\[`_]/#),
            ("a case pattern", #/(?:^|\s)case\s+(?:\.|let\b|X\b|[A-Za-z_]\w*\()/#),
            ("an arrow or operator", #/->|\?\?|\.self\b|\.init\(|(?:^|\s)@\w+/#),
            ("a labelled call", #/\w\((?:[\w.]+, )*[a-z]\w*: /#),
            ("a member call", #/(?:^|[\s(])\.?\w+\.\w+\(|^\.\w+\(/#),
            ("a typed declaration", #/\b[a-z_]\w*: (?:\[?[A-Z]\w*)[.<>\[\]\w]*\??(?: = |\)|,|$)|\b\w+: [\w.<>\[\]]+\?? = /#),
            ("a dictionary type", #/\[String: /#),
            ("a block brace", #/\{\s*$|\{\n|^\s*\}|\n\s*\}/#),
        ]
    }

    /// The kind of Swift syntax found in a literal's text, or `nil` for prose.
    static func swiftSyntax(in text: String) -> String? {
        for (name, pattern) in syntaxPatterns where text.contains(pattern) { return name }
        return nil
    }

    /// Every string literal of `source`, in order, nested ones after the literal holding them.
    static func literals(in source: String) -> [Literal] {
        var reader = Reader(Array(source.unicodeScalars))
        var found: [Literal] = []
        reader.scanCode(into: &found, untilClosingParenthesis: false)
        return found
    }

    /// A hand-written lexer: comments, the three kinds of string literal, and the parentheses of
    /// interpolations, which can themselves hold literals.
    private struct Reader {
        let scalars: [Unicode.Scalar]
        var index = 0
        var line = 1

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        func peek(_ offset: Int = 0) -> Unicode.Scalar? {
            index + offset < scalars.count ? scalars[index + offset] : nil
        }

        mutating func advance() {
            if scalars[index] == "\n" { line += 1 }
            index += 1
        }

        /// Code until the end, or until the `)` closing an interpolation.
        mutating func scanCode(into found: inout [Literal], untilClosingParenthesis: Bool) {
            var depth = 0
            while let scalar = peek() {
                if scalar == "/" && peek(1) == "/" {
                    while let next = peek(), next != "\n" { advance() }
                } else if scalar == "/" && peek(1) == "*" {
                    advance(); advance()
                    while peek() != nil && !(peek() == "*" && peek(1) == "/") { advance() }
                    if peek() != nil { advance(); advance() }
                } else if scalar == "#" || scalar == "\"" {
                    var hashes = 0
                    while peek(hashes) == "#" { hashes += 1 }
                    guard peek(hashes) == "\"" else { advance(); continue }
                    for _ in 0..<hashes { advance() }
                    scanLiteral(hashes: hashes, into: &found)
                } else if scalar == "(" {
                    depth += 1; advance()
                } else if scalar == ")" {
                    advance()
                    if untilClosingParenthesis {
                        if depth == 0 { return }
                        depth -= 1
                    }
                } else {
                    advance()
                }
            }
        }

        /// From the opening quote: records the literal, then any literals in its interpolations.
        mutating func scanLiteral(hashes: Int, into found: inout [Literal]) {
            let startLine = line
            let multiline = peek(1) == "\"" && peek(2) == "\""
            let quotes = multiline ? 3 : 1
            for _ in 0..<quotes { advance() }
            var text = ""
            var nested: [Literal] = []
            while let scalar = peek() {
                if scalar == "\\" && isDelimited(after: 1, hashes: hashes) {
                    let escaped = peek(1 + hashes)
                    for _ in 0...hashes { advance() }
                    if escaped == "(" {
                        advance()
                        scanCode(into: &nested, untilClosingParenthesis: true)
                        text += "X"
                    } else if let escaped {
                        text.unicodeScalars.append(escaped == "n" ? "\n" : escaped)
                        advance()
                    }
                } else if scalar == "\"" && closes(quotes: quotes, hashes: hashes) {
                    for _ in 0..<(quotes + hashes) { advance() }
                    break
                } else {
                    text.unicodeScalars.append(scalar)
                    advance()
                }
            }
            found.append(Literal(line: startLine, text: text))
            found += nested
        }

        /// Whether `hashes` `#` follow at `offset` (a raw string's escape needs them).
        func isDelimited(after offset: Int, hashes: Int) -> Bool {
            (0..<hashes).allSatisfy { peek(offset + $0) == "#" }
        }

        func closes(quotes: Int, hashes: Int) -> Bool {
            (0..<quotes).allSatisfy { peek($0) == "\"" } && isDelimited(after: quotes, hashes: hashes)
        }
    }
}
