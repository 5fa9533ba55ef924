extension Pet {
    /// Uses a type generated from `schemas/pet.yaml` and one from `schemas/owner.json` (two referenced files).
    public var greeting: String {
        owner.map { "\(name), who lives with \($0.name)" } ?? name
    }
}
