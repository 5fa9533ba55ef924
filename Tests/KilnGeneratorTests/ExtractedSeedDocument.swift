/// What `scripts/extract-seed-operations` read from one seed SDK's documentation: a file in
/// `Fixtures/seeds`. The documents themselves are not in the repository; their operations are, with
/// the spec each seed was generated from.
struct ExtractedSeedDocument: Decodable {
    /// Which document, as the project received it; its digest tells whether a document at hand is that one.
    struct Source: Decodable {
        /// `haskell-ory-kratos-0.0.10.0.txt`.
        var file: String
        var sha256: String
        var bytes: Int
        var origin: String
    }

    /// `Haskell ory-kratos 0.0.10.0`.
    var title: String
    var source: Source
    /// The spec of the API generation the seed was generated from, in `Tests/Specs`.
    var specFile: String
    /// That spec's `info.version` when the operations were extracted, so that replacing the spec
    /// without extracting again is noticed.
    var apiVersion: String
    /// How many operations the documentation describes (counted by hand in the text; the script
    /// refuses to write another number), so that an emptied list fails rather than checking nothing.
    var expectedOperationCount: Int
    /// In document order.
    var operations: [SeedOperation]
}
