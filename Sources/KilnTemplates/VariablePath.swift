import KilnDiagnostics

/// `type.properties.0.name`: a variable and the members looked up on it, each with its location
/// so a missing member is reported at the member, not at the start of the path.
///
/// A class, and names kept apart from locations, because resolving paths is the renderer's most
/// frequent work: it then copies one reference and reads only strings, while the locations
/// (which hold the file path) are touched only to report an error.
final class VariablePath: Sendable {
    let root: String
    let location: SourceLocation
    /// Dictionary keys, array indices written as digits, or `count`/`first`/`last`.
    let memberNames: [String]
    /// `TemplateKeys.hash` of each member name, so reading a view model's member hashes nothing.
    let memberHashes: [UInt32]
    let memberLocations: [SourceLocation]

    init(root: String, location: SourceLocation, members: [(name: String, location: SourceLocation)]) {
        self.root = root
        self.location = location
        self.memberNames = members.map(\.name)
        self.memberHashes = members.map { TemplateKeys.hash($0.name) }
        self.memberLocations = members.map(\.location)
    }

    /// The path up to (not including) member `count`, as written: for messages like
    /// `'type.owner' is null and has no member 'name'`.
    func text(throughMembers count: Int) -> String {
        ([root] + memberNames.prefix(count)).joined(separator: ".")
    }
}
