import KilnDiagnostics

/// A sequence or mapping whose end event has not arrived yet: one entry of the tree builder's
/// explicit stack.
struct YAMLCollectionFrame {
    enum Kind {
        case sequence
        case mapping
    }

    let kind: Kind
    let properties: YAMLEvent.NodeProperties
    /// Nodes in this subtree after alias expansion, this collection included; an alias to it
    /// costs this many nodes.
    var subtreeCount = 1
    private var items: [YAMLNode] = []
    private var mapping = YAMLMapping()
    /// A mapping's key, waiting for its value (libyaml sends keys and values alternately).
    private var pendingKey: YAMLNode?
    private var merges: [YAMLMergeResolver.Merge] = []

    init(kind: Kind, properties: YAMLEvent.NodeProperties) {
        self.kind = kind
        self.properties = properties
    }

    /// Adds a finished child; returns a warning when it completes an entry with a duplicate key.
    mutating func append(_ node: consuming YAMLNode) -> Diagnostic? {
        switch kind {
        case .sequence:
            items.append(node)
            return nil
        case .mapping:
            guard let key = pendingKey else {
                pendingKey = node
                return nil
            }
            pendingKey = nil
            return appendEntry(key: key, value: node)
        }
    }

    private mutating func appendEntry(key: consuming YAMLNode, value: consuming YAMLNode) -> Diagnostic? {
        if YAMLMergeResolver.isMergeKey(key) {
            merges.append(YAMLMergeResolver.Merge(position: mapping.count, value: value))
            return nil
        }
        let warning = duplicateWarning(for: key)
        mapping.append(YAMLMapping.Entry(key: key, value: value))
        return warning
    }

    private func duplicateWarning(for key: YAMLNode) -> Diagnostic? {
        guard let text = key.scalar?.value, mapping.entry(forKey: text) != nil,
              let first = mapping.entries.first(where: { $0.key.scalar?.value == text })
        else { return nil }
        return .warning("duplicate key '\(text)' (first defined at \(first.key.location))", at: key.location)
    }

    /// The finished node, merge keys applied.
    func makeNode() throws(DiagnosticError) -> YAMLNode {
        let content: YAMLNode.Content
        switch kind {
        case .sequence:
            content = .sequence(items.capacity > items.count ? Self.exactCopy(of: items) : items)
        case .mapping:
            var entries = mapping
            entries.shrinkToFit()
            // libyaml always pairs keys with values; this only guards against a lone key.
            if let pendingKey {
                entries.append(YAMLMapping.Entry(key: pendingKey, value: YAMLNode(.scalar(YAMLScalar("")), location: pendingKey.location)))
            }
            content = .mapping(merges.isEmpty ? entries : try YAMLMergeResolver.resolve(entries, merges: merges))
        }
        return YAMLNode(content, location: properties.location, tag: properties.tag, anchor: properties.anchor)
    }

    /// The same nodes without the spare capacity appending left (see `YAMLMapping.shrinkToFit`).
    private static func exactCopy(of items: [YAMLNode]) -> [YAMLNode] {
        var exact: [YAMLNode] = []
        exact.reserveCapacity(items.count)
        exact.append(contentsOf: items)
        return exact
    }
}
