/// Keeps output paths unique on case-insensitive file systems (macOS, Windows).
enum FileNaming {
    static func deduplicated(_ files: [GeneratedFile]) -> [GeneratedFile] {
        var seen: Set<String> = []
        return files.map { file in
            var candidate = file.path
            var suffix = 2
            while seen.contains(candidate.lowercased()) {
                let stem = file.path.hasSuffix(".swift") ? String(file.path.dropLast(6)) : file.path
                candidate = "\(stem)\(suffix).swift"
                suffix += 1
            }
            seen.insert(candidate.lowercased())
            return GeneratedFile(path: candidate, contents: file.contents)
        }
    }
}
