internal import KilnYAML

extension SpecValue {
    /// The value as compact JSON text, for showing spec literals (examples, defaults) in doc comments.
    ///
    /// Finite numbers keep their written spelling; `.inf`, `.nan` and every other scalar become JSON
    /// strings. Object keys are always strings.
    public var jsonText: String {
        // One byte buffer for the whole tree: no String per level or per scalar.
        var output: [UInt8] = []
        appendJSONText(to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private func appendJSONText(to output: inout [UInt8]) {
        switch content {
        case .null:
            output.append(contentsOf: "null".utf8)
        case .bool(let value):
            output.append(contentsOf: (value ? "true" : "false").utf8)
        case .integer, .number:
            if let double, double.isFinite {
                output.append(contentsOf: (text ?? "").utf8)
            } else {
                YAMLNode.appendJSONQuoted(text ?? "", to: &output)
            }
        case .string(let value):
            YAMLNode.appendJSONQuoted(value, to: &output)
        case .array(let items):
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                item.appendJSONText(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                YAMLNode.appendJSONQuoted(member.key, to: &output)
                output.append(UInt8(ascii: ":"))
                member.value.appendJSONText(to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }
}
