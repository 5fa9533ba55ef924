/// One seed SDK's documentation and the spec its operations are checked against.
struct SeedParityCase {
    /// `Haskell ory-kratos 0.0.10.0`.
    var title: String
    /// The documentation text, in `../shared/seeds`.
    var documentFile: String
    /// The spec of the API generation the seed was generated from, in `../shared/specs`.
    var specFile: String
    /// How many operations the documentation describes (counted by hand in the text), so that a parser
    /// that stops finding operations fails rather than passing with nothing to check.
    var expectedOperationCount: Int
    var parse: (String) throws -> [SeedOperation]
    /// The seed's path as the spec writes it; the seed's own path unless the seed's base differs.
    var specPath: (SeedOperation) -> String? = { $0.path }
}
