/// Keeps output file names unique where it matters: Swift rejects two files with the same base
/// name in one module (even in different folders), and macOS and Windows fold case.
///
/// Names are settled in order, one part at a time, so files can be written as they are rendered.
struct FileNaming {
    private var seenBaseNames: Set<String> = []

    static func deduplicated(_ parts: [GeneratedPart]) -> [GeneratedPart] {
        var naming = FileNaming()
        return parts.map { naming.unique($0) }
    }

    /// `part`, renamed `Name2.swift`, `Name3.swift`… if an earlier part took its base name.
    mutating func unique(_ part: GeneratedPart) -> GeneratedPart {
        let path = part.file.path
        let folder = DottedName.beforeLast(UInt8(ascii: "/"), in: path)
        let baseName = DottedName.afterLast(UInt8(ascii: "/"), in: path)
        let (stem, suffix) = baseName.hasSuffix(".swift") ? (String(baseName.dropLast(6)), ".swift") : (baseName, "")
        var candidate = baseName
        var counter = 2
        while seenBaseNames.contains(candidate.lowercased()) {
            candidate = "\(stem)\(counter)\(suffix)"
            counter += 1
        }
        seenBaseNames.insert(candidate.lowercased())
        var renamed = part
        renamed.file.path = folder.isEmpty ? candidate : "\(folder)/\(candidate)"
        return renamed
    }
}
