/// One parameter (path, query or header) that a seed SDK's documentation shows for an operation.
struct SeedParameter: Equatable, Decodable, CustomStringConvertible {
    /// The name as the seed spells it: `x_session_token`, `xSessionToken`, `X-Session-Token`.
    var name: String
    /// Whether callers of the seed SDK must pass it; `nil` when the seed's documentation cannot tell
    /// (each parser in `scripts/extract-seed-operations` says when, and why).
    var required: Bool?

    var description: String {
        switch required {
        case true?: return "\(name) (required)"
        case false?: return "\(name) (optional)"
        case nil: return "\(name) (required-ness not documented)"
        }
    }
}
