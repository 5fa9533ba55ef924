/// A seed's documentation text is not shaped as its parser expects: the parser found something it
/// cannot account for, rather than silently skipping it.
struct SeedDocumentationError: Error, CustomStringConvertible {
    var seed: String
    var message: String

    init(_ seed: String, _ message: String) {
        self.seed = seed
        self.message = message
    }

    var description: String { "\(seed): \(message)" }
}
