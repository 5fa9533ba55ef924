/// The request body a seed SDK's documentation shows for an operation.
struct SeedRequestBody: Equatable, Decodable {
    /// The seed's name for the body argument or its type, for messages only.
    var name: String
    /// Whether callers of the seed SDK must pass it; `nil` when the seed's documentation cannot tell.
    var required: Bool?
}
