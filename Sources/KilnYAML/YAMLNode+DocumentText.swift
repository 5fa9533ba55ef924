extension YAMLNode {
    /// The node as indented JSON (two spaces a level), for writing a whole document people read.
    public var prettyJSONText: String {
        var output: [UInt8] = []
        appendPrettyJSON(to: &output, indent: 0)
        output.append(UInt8(ascii: "\n"))
        return String(decoding: output, as: UTF8.self)
    }

    /// The node as block-style YAML whose scalars are written as JSON (strings always double-quoted),
    /// so no value can change type or meaning when read back.
    public var yamlText: String {
        var output: [UInt8] = []
        if hasBlockForm {
            appendYAMLBlock(to: &output, indent: 0, continuesLine: false)
        } else {
            appendFlowValue(to: &output)
            output.append(UInt8(ascii: "\n"))
        }
        return String(decoding: output, as: UTF8.self)
    }

    private func appendPrettyJSON(to output: inout [UInt8], indent: Int) {
        switch content {
        case .scalar(let scalar):
            appendJSONScalar(scalar, to: &output)
        case .sequence(let items):
            guard !items.isEmpty else { return output.append(contentsOf: "[]".utf8) }
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.appendNewline(to: &output, indent: indent + 2)
                item.appendPrettyJSON(to: &output, indent: indent + 2)
            }
            Self.appendNewline(to: &output, indent: indent)
            output.append(UInt8(ascii: "]"))
        case .mapping(let mapping):
            guard !mapping.isEmpty else { return output.append(contentsOf: "{}".utf8) }
            output.append(UInt8(ascii: "{"))
            for (index, entry) in mapping.entries.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.appendNewline(to: &output, indent: indent + 2)
                YAMLNode.appendJSONQuoted(entry.key.scalar?.value ?? "", to: &output)
                output.append(contentsOf: ": ".utf8)
                entry.value.appendPrettyJSON(to: &output, indent: indent + 2)
            }
            Self.appendNewline(to: &output, indent: indent)
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Non-empty collections are written as blocks; scalars and empty collections fit on their key's line.
    private var hasBlockForm: Bool {
        switch content {
        case .scalar: return false
        case .sequence(let items): return !items.isEmpty
        case .mapping(let mapping): return !mapping.isEmpty
        }
    }

    /// A scalar, `[]` or `{}`.
    private func appendFlowValue(to output: inout [UInt8]) {
        switch content {
        case .scalar(let scalar): appendJSONScalar(scalar, to: &output)
        case .sequence: output.append(contentsOf: "[]".utf8)
        case .mapping: output.append(contentsOf: "{}".utf8)
        }
    }

    /// - Parameter continuesLine: true after a `- ` that already started the first line.
    private func appendYAMLBlock(to output: inout [UInt8], indent: Int, continuesLine: Bool) {
        var isFirst = true
        func startLine(_ output: inout [UInt8]) {
            if !(isFirst && continuesLine) { output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent)) }
            isFirst = false
        }
        switch content {
        case .scalar:
            return
        case .sequence(let items):
            for item in items {
                startLine(&output)
                output.append(contentsOf: "- ".utf8)
                item.appendYAMLValue(to: &output, blockIndent: indent + 2, continuesLine: true)
            }
        case .mapping(let mapping):
            for entry in mapping.entries {
                startLine(&output)
                YAMLNode.appendJSONQuoted(entry.key.scalar?.value ?? "", to: &output)
                output.append(UInt8(ascii: ":"))
                entry.value.appendYAMLValue(to: &output, blockIndent: indent + 2, continuesLine: false)
            }
        }
    }

    /// A value after `key:` or `- `: inline when it has no block form, else a block at `blockIndent`.
    private func appendYAMLValue(to output: inout [UInt8], blockIndent: Int, continuesLine: Bool) {
        guard hasBlockForm else {
            if !continuesLine { output.append(UInt8(ascii: " ")) }
            appendFlowValue(to: &output)
            output.append(UInt8(ascii: "\n"))
            return
        }
        if !continuesLine { output.append(UInt8(ascii: "\n")) }
        appendYAMLBlock(to: &output, indent: blockIndent, continuesLine: continuesLine)
    }

    private static func appendNewline(to output: inout [UInt8], indent: Int) {
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
    }
}
