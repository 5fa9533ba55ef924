import Foundation
import KilnIR

/// The model of `README.md.stencil`: the generated module's front page, with a getting-started
/// snippet, the operations by tag (method, path, Swift method, summary) and the model types.
enum ModuleReadme {
    static func view(_ module: IRModule, file: FileContext, groups: [ReadmeGroupView], includesServer: Bool) -> ReadmeFileView {
        ReadmeFileView(
            file: file,
            groups: groups,
            models: module.types.map(modelView),
            serverURL: exampleServerURL(module),
            includesServer: includesServer,
            summary: module.description.map { tableCell($0) },
            title: tableCell(module.title),
            version: tableCell(module.version)
        )
    }

    /// An operation's row of the table.
    static func operationView(_ operation: IROperation, selector: String) -> ReadmeOperationView {
        ReadmeOperationView(
            method: codeSpan(operation.method.rawValue), path: codeSpan(operation.path), selector: selector,
            summary: tableCell(operation.documentation.summary ?? operation.documentation.text ?? "")
        )
    }

    /// Text fit for one Markdown table cell: the first paragraph on one line, pipes escaped, and no
    /// control or bidi characters (which could make the file read differently from what it holds).
    static func tableCell(_ text: String) -> String {
        let line = firstParagraph(text).split(whereSeparator: \.isNewline).joined(separator: " ")
        return plain(line).replacingASCII(UInt8(ascii: "|"), with: "\\|").trailingWhitespaceTrimmed
    }

    /// Text for inside a code span: also without backticks, which would end it.
    static func codeSpan(_ text: String) -> String {
        tableCell(text).replacingASCII(UInt8(ascii: "`"), with: "'")
    }

    private static func plain(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let isControl = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
            if isControl { scalars.append(" ") } else if !SwiftSyntaxFilters.isBidiControl(scalar) { scalars.append(scalar) }
        }
        return String(scalars)
    }

    private static func modelView(_ type: IRType) -> ReadmeModelView {
        ReadmeModelView(
            name: type.name, kind: kind(of: type.kind),
            summary: tableCell(type.documentation.summary ?? type.documentation.text ?? "")
        )
    }

    private static func kind(of kind: IRType.Kind) -> String {
        switch kind {
        case .object: return "struct"
        case .enumeration: return "enum"
        case .union(let union):
            if union.composition == .anyOf { return "any of" }
            return union.discriminatorProperty.map { "one of, by `\(codeSpan($0))`" } ?? "one of"
        case .alias(let target): return "`\(target.swiftName)`"
        }
    }

    /// The first server when it is an absolute http(s) URL without variables, else a placeholder host.
    private static func exampleServerURL(_ module: IRModule) -> String {
        guard let server = module.servers.first, server.variables.isEmpty,
              server.url.hasPrefix("https://") || server.url.hasPrefix("http://")
        else { return "https://api.example.com" }
        return server.url
    }

    private static func firstParagraph(_ text: String) -> String {
        let paragraphs = text.components(separatedBy: "\n\n")
        return (paragraphs.first ?? text).trailingWhitespaceTrimmed
    }
}

extension String {
    /// Every `byte` (an ASCII character) replaced by `replacement`. Foundation's
    /// `replacingOccurrences` costs thousands of instructions per call even when nothing matches,
    /// and the README escapes every cell.
    func replacingASCII(_ byte: UInt8, with replacement: String) -> String {
        guard utf8.contains(byte) else { return self }
        var result = ""
        result.reserveCapacity(utf8.count + 8)
        var start = startIndex
        while let match = self[start...].utf8.firstIndex(of: byte) {
            result += self[start..<match]
            result += replacement
            start = utf8.index(after: match)
        }
        result += self[start...]
        return result
    }
}
