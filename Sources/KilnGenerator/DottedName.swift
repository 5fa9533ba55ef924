/// The components of a qualified Swift name (`Outer.Inner`) and of a file path, found by scanning
/// UTF-8 bytes: `split` on a String compares graphemes and builds every piece, which showed in
/// profiles of generation where these run thousands of times.
enum DottedName {
    /// `Outer` for `Outer.Inner.Leaf`; the name itself when it has no dot.
    static func first(_ name: String) -> String {
        guard let dot = name.utf8.firstIndex(of: UInt8(ascii: ".")) else { return name }
        return String(name[..<dot])
    }

    /// `Leaf` for `Outer.Inner.Leaf`; the name itself when it has no dot.
    static func last(_ name: String) -> String {
        afterLast(UInt8(ascii: "."), in: name)
    }

    /// The part after the last `separator` byte (an ASCII character), or all of `text`.
    static func afterLast(_ separator: UInt8, in text: String) -> String {
        guard let index = text.utf8.lastIndex(of: separator) else { return text }
        return String(text[text.utf8.index(after: index)...])
    }

    /// The part before the last `separator` byte, or "" when there is none.
    static func beforeLast(_ separator: UInt8, in text: String) -> String {
        guard let index = text.utf8.lastIndex(of: separator) else { return "" }
        return String(text[..<index])
    }
}
