/// Keeps output file names unique where it matters: Swift rejects two files with the same base
/// name in one module (even in different folders), and macOS and Windows fold case.
enum FileNaming {
    static func deduplicated(_ parts: [GeneratedPart]) -> [GeneratedPart] {
        var seenBaseNames: Set<String> = []
        return parts.map { part in
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
}
