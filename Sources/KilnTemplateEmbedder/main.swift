import Foundation

// Usage: KilnTemplateEmbedder OUTPUT.swift TEMPLATE...
// Writes `enum EmbeddedTemplates { static let all: [String: String] }` with each template as a
// raw string literal, so the generator ships its default templates inside the binary.

let arguments = CommandLine.arguments.dropFirst()
guard let outputPath = arguments.first else {
    FileHandle.standardError.write(Data("usage: KilnTemplateEmbedder OUTPUT.swift TEMPLATE...\n".utf8))
    exit(2)
}

/// The shortest `#…#` delimiter that no `"#…` or `\#…` run inside the text can terminate.
func rawDelimiter(for text: String) -> String {
    var hashes = 1
    while text.contains("\"" + String(repeating: "#", count: hashes))
        || text.contains("\\" + String(repeating: "#", count: hashes)) {
        hashes += 1
    }
    return String(repeating: "#", count: hashes)
}

var source = "// Generated at build time by KilnTemplateEmbedder from Templates/. Do not edit.\n\n"
source += "enum EmbeddedTemplates {\n"
source += "    static let all: [String: String] = [\n"
for path in arguments.dropFirst() {
    let url = URL(fileURLWithPath: path)
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
        FileHandle.standardError.write(Data("error: cannot read template \(path)\n".utf8))
        exit(1)
    }
    let delimiter = rawDelimiter(for: text)
    source += "        \"\(url.lastPathComponent)\": \(delimiter)\"\"\"\n\(text)\n\"\"\"\(delimiter),\n"
}
source += "    ]\n}\n"

do {
    try source.write(toFile: outputPath, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("error: cannot write \(outputPath): \(error)\n".utf8))
    exit(1)
}
