/// Hands out unique names within one scope (a module's top level, a type's members, an enum's cases).
///
/// Collisions are resolved deterministically: the first claimant keeps the name, later ones get
/// `2`, `3`, … in the order they ask, which is the spec's document order.
public struct NameScope: Sendable {
    private var taken: Set<String>
    /// Names compared case-insensitively too, for file systems that fold case.
    private let foldsCase: Bool

    public init(reserved: Set<String> = [], foldsCase: Bool = false) {
        self.foldsCase = foldsCase
        self.taken = foldsCase ? Set(reserved.map { $0.lowercased() }) : reserved
    }

    public mutating func claim(_ preferred: String) -> String {
        var candidate = preferred
        var suffix = 2
        while taken.contains(key(candidate)) {
            candidate = "\(preferred)\(suffix)"
            suffix += 1
        }
        taken.insert(key(candidate))
        return candidate
    }

    public func isTaken(_ name: String) -> Bool { taken.contains(key(name)) }

    private func key(_ name: String) -> String { foldsCase ? name.lowercased() : name }
}
