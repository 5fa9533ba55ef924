/// A `$ref` value split into the document it names and the place inside it.
///
/// `schemas/pet.yaml#/properties/owner` → file `schemas/pet.yaml`, fragment `/properties/owner`;
/// `#Child` → a local plain-name fragment (an `$anchor`); `other.yaml` → the whole of `other.yaml`.
struct ReferenceText: Hashable {
    /// The part before `#`, percent-decoded; empty for a reference into the same document.
    var document: String
    /// The part after `#` (without it), `nil` when there is no `#`.
    var fragment: String?

    init(_ text: String) {
        if let hash = text.firstIndex(of: "#") {
            document = Self.percentDecoded(String(text[..<hash]))
            fragment = String(text[text.index(after: hash)...])
        } else {
            document = Self.percentDecoded(text)
            fragment = nil
        }
    }

    var isLocal: Bool { document.isEmpty }

    /// True for an absolute URI with a scheme (`https://…`, `urn:…`): something Kiln would have to fetch
    /// unless a schema of the set declares it as its `$id`.
    var isAbsoluteURI: Bool {
        guard let colon = document.firstIndex(of: ":") else { return false }
        let scheme = document[..<colon]
        // A one-letter "scheme" is a Windows drive letter, not a URI.
        return scheme.count > 1 && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    /// The fragment as pointer tokens when it is a JSON pointer (`""` or `/…`), unescaped per RFC 6901.
    var pointerTokens: [String]? {
        guard let fragment else { return [] }
        return JSONPointer.tokens(ofFragment: "#" + fragment)
    }

    /// The pointer tokens of a reference into the same document, `nil` for any other reference.
    var localPointerTokens: [String]? {
        isLocal ? pointerTokens : nil
    }

    /// The fragment when it is a plain name (`#Child`), which JSON Schema resolves through `$anchor`.
    var anchorName: String? {
        guard let fragment, !fragment.isEmpty, !fragment.hasPrefix("/") else { return nil }
        return fragment
    }

    private static func percentDecoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        return text.removingPercentEncodingIfPossible
    }
}
