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
                if scalar.value < 0x20 {
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
