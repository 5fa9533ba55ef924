/// A `$ref` as written, with where it was written (so an unresolvable one can be reported there).
public struct Reference: Sendable, Hashable {
    /// The raw target, e.g. `#/components/schemas/identity`.
    public var target: String
    public var source: SourceRef
    /// OpenAPI 3.1 lets `summary` and `description` sit beside `$ref` (for schemas, JSON Schema 2020-12
    /// annotations); they describe this use of the target, e.g. what a property holds. `nil` in 3.0,
    /// where keys beside `$ref` are ignored.
    public var summary: String?
    public var description: String?

    public init(target: String, source: SourceRef, summary: String? = nil, description: String? = nil) {
        self.target = target
        self.source = source
        self.summary = summary
        self.description = description
    }

    /// For a local component reference `#/components/<kind>/<name>`: the kind and the (unescaped) name.
    ///
    /// Scanned as bytes: every resolution of a reference comes through here.
    public var componentPath: (kind: String, name: String)? {
        let bytes = target.utf8
        let prefix = "#/components/".utf8
        guard bytes.starts(with: prefix) else { return nil }
        let kindStart = bytes.index(bytes.startIndex, offsetBy: prefix.count)
        guard let slash = bytes[kindStart...].firstIndex(of: UInt8(ascii: "/")) else { return nil }
        let nameStart = bytes.index(after: slash)
        guard !bytes[nameStart...].contains(UInt8(ascii: "/")) else { return nil }
        return (String(target[kindStart..<slash]), Reference.unescapePointerToken(String(target[nameStart...])))
    }
}

extension Reference {
    /// Undoes RFC 6901 escaping (`~1` → `/`, `~0` → `~`) and URI percent-encoding in one pointer token.
    public static func unescapePointerToken(_ token: String) -> String {
        // Almost every token is a plain name.
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "%") }) else { return token }
        var unescaped = ""
        var characters = token.makeIterator()
        while let character = characters.next() {
            guard character == "~" else {
                unescaped.append(character)
                continue
            }
            switch characters.next() {
            case "1": unescaped.append("/")
            case "0": unescaped.append("~")
            case let other?: unescaped.append("~"); unescaped.append(other)
            case nil: unescaped.append("~")
            }
        }
        return unescaped.removingPercentEncodingIfPossible
    }
}

extension String {
    var removingPercentEncodingIfPossible: String {
        // A byte scan, not `contains("%")`: with Foundation visible that becomes a slow locale-aware search.
        guard utf8.contains(UInt8(ascii: "%")) else { return self }
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
               let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Reference {
    /// The last token of a local pointer, unescaped: `#/components/schemas/a~1b` → `a/b`.
    public static func lastPointerToken(of pointer: String) -> String {
        let token = pointer.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(pointer[pointer.utf8.index(after: $0)...]) } ?? pointer
        return unescapePointerToken(token)
    }
}
