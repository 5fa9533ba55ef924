/// One seed SDK the Swift client must be at parity with: its extracted operations, and how its paths
/// correspond to the spec's.
struct SeedParityCase {
    /// The seed's file in `Fixtures/seeds` (see `ExtractedSeedDocument`): `haskell-ory-kratos-0.0.10.0.json`.
    var operationsFile: String
    /// The seed's path as the spec writes it; the seed's own path unless the seed's base differs.
    var specPath: (SeedOperation) -> String? = { $0.path }
}
