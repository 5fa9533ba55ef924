import KilnDiagnostics

/// Builds the node tree from parse events, one event at a time, with an explicit stack of open
/// collections (no recursion, so nesting depth is bounded by `Limits.maxDepth`, not the Swift stack).
///
/// Aliases become copies of their anchored node. A copy is cheap (nodes are copy-on-write values),
/// but its cost after expansion is counted against `Limits.maxNodes`, so a "billion laughs"
/// document fails at the first alias that crosses the limit instead of expanding.
struct YAMLTreeBuilder {
    /// An anchored node and its subtree size, which each alias to it adds to the document's total.
    private struct Anchored {
        let node: YAMLNode
        let subtreeCount: Int
    }

    private let file: String
    private let limits: YAMLParser.Limits
    private var stack: [YAMLCollectionFrame] = []
    private var anchors: [String: Anchored] = [:]
    private var nodeCount = 0
    private var documentCount = 0
    private var root: YAMLNode?
    private var warnings: [Diagnostic] = []

    init(file: String, limits: YAMLParser.Limits) {
        self.file = file
        self.limits = limits
    }

    /// The parsed document; an empty stream is a null scalar at 1:1.
    var document: YAMLDocument {
        let emptyRoot = YAMLNode(.scalar(YAMLScalar("")), location: SourceLocation(file: file, line: 1, column: 1))
        return YAMLDocument(root: root ?? emptyRoot, warnings: warnings)
    }

    /// Feeds one event; returns `true` once the stream has ended.
    mutating func consume(_ event: consuming YAMLEvent) throws(DiagnosticError) -> Bool {
        // Consumed, like the nodes below: each node is moved into its parent, not copied.
        switch consume event {
        case .streamStart, .documentEnd:
            break
        case .streamEnd:
            return true
        case .documentStart(let location):
            try beginDocument(at: location)
        case .alias(let name, let location):
            try expandAlias(name, at: location)
        case .scalar(let scalar, let properties):
            try count(1, at: properties.location)
            let node = YAMLNode(.scalar(scalar), location: properties.location, tag: properties.tag, anchor: properties.anchor)
            finish(node, subtreeCount: 1)
        case .sequenceStart(let properties):
            try open(.sequence, properties)
        case .mappingStart(let properties):
            try open(.mapping, properties)
        case .sequenceEnd, .mappingEnd:
            try close()
        }
        return false
    }

    private mutating func beginDocument(at location: SourceLocation) throws(DiagnosticError) {
        documentCount += 1
        guard documentCount == 1 else {
            throw DiagnosticError(.error("multiple YAML documents in one file are not supported", at: location))
        }
    }

    private mutating func open(_ kind: YAMLCollectionFrame.Kind, _ properties: YAMLEvent.NodeProperties) throws(DiagnosticError) {
        guard stack.count < limits.maxDepth else {
            throw DiagnosticError(.error("nesting is deeper than the limit of \(limits.maxDepth) levels", at: properties.location))
        }
        try count(1, at: properties.location)
        stack.append(YAMLCollectionFrame(kind: kind, properties: properties))
    }

    private mutating func close() throws(DiagnosticError) {
        guard let frame = stack.popLast() else { return }
        finish(try frame.makeNode(), subtreeCount: frame.subtreeCount)
    }

    /// The alias's copy keeps the anchored node's content, tag and anchor, but takes the alias's
    /// own location: diagnostics about the value at this place should point here, while the
    /// nodes inside keep pointing at their definition.
    private mutating func expandAlias(_ name: String, at location: SourceLocation) throws(DiagnosticError) {
        guard let anchored = anchors[name] else {
            throw DiagnosticError(.error(undefinedAliasMessage(name), at: location))
        }
        try count(anchored.subtreeCount, at: location, throughAlias: true)
        var node = anchored.node
        node.location = location
        attach(node, subtreeCount: anchored.subtreeCount)
    }

    private func undefinedAliasMessage(_ name: String) -> String {
        // An anchor is only defined once its node is complete, so `&a [*a]` lands here too.
        if stack.contains(where: { $0.properties.anchor == name }) {
            return "alias '*\(name)' refers to a node that contains it (recursive aliases are not supported)"
        }
        return "undefined alias '*\(name)' (no anchor '&\(name)' before it)"
    }

    /// Charges `nodes` against `maxNodes`, failing as soon as the total would exceed it.
    private mutating func count(_ nodes: Int, at location: SourceLocation, throughAlias: Bool = false) throws(DiagnosticError) {
        guard nodes <= limits.maxNodes - nodeCount else {
            let message = throughAlias
                ? "document expands to more than \(limits.maxNodes) nodes through aliases (a \"billion laughs\" document?)"
                : "document has more than \(limits.maxNodes) nodes"
            throw DiagnosticError(.error(message, at: location))
        }
        nodeCount += nodes
    }

    /// A node is complete: remember it under its anchor, then hand it to its parent.
    private mutating func finish(_ node: consuming YAMLNode, subtreeCount: Int) {
        if let anchor = node.anchor {
            anchors[anchor] = Anchored(node: copy node, subtreeCount: subtreeCount)
        }
        attach(node, subtreeCount: subtreeCount)
    }

    private mutating func attach(_ node: consuming YAMLNode, subtreeCount: Int) {
        guard !stack.isEmpty else {
            root = node
            return
        }
        stack[stack.count - 1].subtreeCount += subtreeCount
        if let warning = stack[stack.count - 1].append(node) {
            warnings.append(warning)
        }
    }
}
