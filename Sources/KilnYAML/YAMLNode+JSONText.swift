extension YAMLNode {
    /// The node as compact JSON text, for showing spec literals (examples, defaults) in doc comments.
    ///
    /// Scalars follow the core schema: plain `true`, `3.5` and `null` stay unquoted, anything else
    /// is a JSON string. Mapping keys are always strings.
    public var jsonText: String {
        switch content {
        case .scalar(let scalar):
            if isNull { return "null" }
            if let bool { return bool ? "true" : "false" }
            if tag == nil, scalar.style == .plain, double != nil, double?.isFinite == true { return scalar.value }
            return YAMLNode.jsonQuoted(scalar.value)
        case .sequence(let items):
            return "[" + items.map(\.jsonText).joined(separator: ",") + "]"
        case .mapping(let mapping):
            let members = mapping.entries.map { YAMLNode.jsonQuoted($0.key.scalar?.value ?? "") + ":" + $0.value.jsonText }
            return "{" + members.joined(separator: ",") + "}"
        }
    }

    static func jsonQuoted(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\r": quoted += "\\r"
            case "\t": quoted += "\\t"
            default:
                // Control characters (C0, DEL, C1), the Unicode line and paragraph separators and
                // the noncharacters U+FFFE/U+FFFF are escaped: YAML does not allow them raw (or
                // reads them as line breaks), and they would be invisible in a doc comment.
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028
                    || scalar.value == 0x2029 || scalar.value == 0xFFFE || scalar.value == 0xFFFF
                {
                    let hex = String(scalar.value, radix: 16)
                    quoted += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        return quoted + "\""
    }
}
