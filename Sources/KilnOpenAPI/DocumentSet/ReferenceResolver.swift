/// Why a `$ref` designates nothing.
enum ResolutionFailure: Error {
    /// Its file could not be loaded or is remote; `DocumentSet` has reported that at the `$ref`.
    case reportedWhileLoading
    case unresolvable(String)
}

/// Finds the place a `$ref` designates in a document set: a JSON pointer (RFC 6901, percent-encoded
/// or not), an `$anchor` name, or a schema's `$id`, in the same file or another one.
struct ReferenceResolver {
    let set: DocumentSet

    /// - Parameter origin: the object holding the `$ref`; local pointers are read from its file.
    func resolve(_ text: String, from origin: DocumentPosition) -> Result<DocumentPosition, ResolutionFailure> {
        let reference = ReferenceText(text)
        var identifiedBase: [String]?
        let targetFile: Int
        if reference.isAbsoluteURI {
            guard let identified = set.identifiers[reference.document] else { return .failure(.reportedWhileLoading) }
            (targetFile, identifiedBase) = identified
        } else {
            guard let index = set.fileIndex(for: reference, from: origin.file) else { return .failure(.reportedWhileLoading) }
            targetFile = index
        }
        let document = set.files[targetFile]
        if let anchor = reference.anchorName {
            guard let anchored = document.anchors[anchor] else {
                return .failure(.unresolvable("unresolvable reference '\(text)': no '$anchor: \(anchor)' in '\(document.displayPath)'"))
            }
            return .success(DocumentPosition(file: targetFile, tokens: anchored))
        }
        guard let pointer = reference.pointerTokens else {
            return .failure(.unresolvable("malformed reference '\(text)': the part after '#' must be a JSON pointer or an anchor name"))
        }
        let bases = identifiedBase.map { [$0] } ?? (reference.isLocal ? localBases(for: origin, in: document) : [[]])
        for base in bases where document.node(at: base + pointer) != nil {
            return .success(DocumentPosition(file: targetFile, tokens: base + pointer))
        }
        return .failure(.unresolvable(notFound(text, pointer: (identifiedBase ?? []) + pointer, in: targetFile, from: origin)))
    }

    /// Where a local pointer may start, in order: the schemas with an `$id` around the reference
    /// (JSON Schema reads `#` as the nearest schema resource), the file, and, leniently, the enclosing
    /// component schema, since `#/$defs/X` written inside one usually means that schema's `$defs`.
    private func localBases(for origin: DocumentPosition, in document: DocumentFile) -> [[String]] {
        var bases: [[String]] = []
        for length in stride(from: origin.tokens.count, through: 1, by: -1) {
            let prefix = Array(origin.tokens.prefix(length))
            if document.node(at: prefix)?["$id"] != nil { bases.append(prefix) }
        }
        bases.append([])
        let tokens = origin.tokens
        if tokens.count > 3, tokens[0] == "components", tokens[1] == "schemas" { bases.append(Array(tokens.prefix(3))) }
        return bases
    }

    /// The message for a pointer that names nothing, with the shortest prefix that does not exist.
    private func notFound(_ text: String, pointer tokens: [String], in file: Int, from origin: DocumentPosition) -> String {
        let document = set.files[file]
        let missing = (1...max(tokens.count, 1)).first { document.node(at: Array(tokens.prefix($0))) == nil } ?? tokens.count
        let pointer = DocumentPosition(file: file, tokens: Array(tokens.prefix(missing))).fragment
        let place = file == origin.file ? "this document" : "'\(document.displayPath)'"
        return "unresolvable reference '\(text)': \(place) has nothing at '\(pointer)'"
    }
}
