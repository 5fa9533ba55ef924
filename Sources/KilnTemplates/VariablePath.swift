import KilnDiagnostics

/// `type.properties.0.name`: a variable and the members looked up on it, each with its location
/// so a missing member is reported at the member, not at the start of the path.
struct VariablePath: Sendable {
    struct Member: Sendable {
        /// A dictionary key, an array index written as digits, or `count`/`first`/`last`.
        let name: String
        let location: SourceLocation
    }

    let root: String
    let location: SourceLocation
    let members: [Member]

    /// The path up to (not including) member `count`, as written: for messages like
    /// `'type.owner' is null and has no member 'name'`.
    func text(throughMembers count: Int) -> String {
        ([root] + members.prefix(count).map(\.name)).joined(separator: ".")
    }
}
