import KilnDiagnostics

/// The result of parsing one YAML or JSON file: its root node and any warnings (e.g. duplicate keys).
public struct YAMLDocument: Sendable {
    public var root: YAMLNode
    public var warnings: [Diagnostic]

    public init(root: YAMLNode, warnings: [Diagnostic] = []) {
        self.root = root
        self.warnings = warnings
    }
}
