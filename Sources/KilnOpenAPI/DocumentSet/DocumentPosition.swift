/// A place in a document set: a file (by its index in the set) and a pointer into it.
struct DocumentPosition: Hashable {
    var file: Int
    var tokens: [String]

    func appending(_ token: String) -> DocumentPosition {
        DocumentPosition(file: file, tokens: tokens + [token])
    }

    /// The pointer as a fragment (`#/components/schemas/a~1b`).
    var fragment: String {
        tokens.reduce(into: "#") { fragment, token in fragment += "/" + JSONPointer.escape(token) }
    }
}
