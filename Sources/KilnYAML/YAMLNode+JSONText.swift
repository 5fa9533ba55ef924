extension YAMLNode {
    /// The node as compact JSON text, for showing spec literals (examples, defaults) in doc comments.
    ///
    /// Scalars follow the core schema: plain `true`, `3.5` and `null` stay unquoted, anything else
    /// is a JSON string. Mapping keys are always strings.
    public var jsonText: String {
        // One byte buffer for the whole tree: no String per level or per scalar.
        var output: [UInt8] = []
        appendJSONText(to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private func appendJSONText(to output: inout [UInt8]) {
        switch content {
        case .scalar(let scalar):
            appendJSONScalar(scalar, to: &output)
        case .sequence(let items):
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                item.appendJSONText(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .mapping(let mapping):
            output.append(UInt8(ascii: "{"))
            for (index, entry) in mapping.entries.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                YAMLNode.appendJSONQuoted(entry.key.scalar?.value ?? "", to: &output)
                output.append(UInt8(ascii: ":"))
                entry.value.appendJSONText(to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    func appendJSONScalar(_ scalar: YAMLScalar, to output: inout [UInt8]) {
        if isNull {
            output.append(contentsOf: "null".utf8)
        } else if let bool {
            output.append(contentsOf: (bool ? "true" : "false").utf8)
        } else if tag == nil, scalar.style == .plain, YAMLNode.mayBeFiniteNumber(scalar.value),
                  let double, double.isFinite
        {
            output.append(contentsOf: scalar.value.utf8)
        } else {
            YAMLNode.appendJSONQuoted(scalar.value, to: &output)
        }
    }

    /// False when `text` starts with an ASCII letter: the only such numbers are `inf`, `nan` and
    /// their variants, none finite, so prose skips the number parsers.
    private static func mayBeFiniteNumber(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return true }
        return !((0x41...0x5A).contains(first) || (0x61...0x7A).contains(first))
    }

    static func jsonQuoted(_ text: String) -> String {
        var output: [UInt8] = []
        appendJSONQuoted(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends `text` as a JSON string, copying runs of bytes that need no escape as they are.
    ///
    /// Control characters (C0, DEL, C1), the Unicode line and paragraph separators and the
    /// noncharacters U+FFFE/U+FFFF are escaped: YAML does not allow them raw (or reads them as
    /// line breaks), and they would be invisible in a doc comment.
    public static func appendJSONQuoted(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                guard let escape = JSONEscape(in: bytes, at: index) else {
                    index += 1
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                escape.append(to: &output)
                index += escape.byteCount
                runStart = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        output.append(UInt8(ascii: "\""))
    }
}
