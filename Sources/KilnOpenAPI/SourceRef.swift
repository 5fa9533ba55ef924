import KilnDiagnostics

/// Where a model object came from: its file position and its JSON pointer in the document.
public struct SourceRef: Sendable, Hashable {
    public var location: SourceLocation
    /// RFC 6901 pointer as a URI fragment, e.g. `#/paths/~1identities/get`.
    public var pointer: String

    public init(location: SourceLocation, pointer: String) {
        self.location = location
        self.pointer = pointer
    }
}
