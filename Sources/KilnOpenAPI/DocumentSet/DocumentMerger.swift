import KilnDiagnostics
internal import KilnYAML

/// Turns a document set into one YAML tree that the single-file decoder reads unchanged.
///
/// Objects reached through other files or through deep pointers are moved ("hoisted") into the
/// root's `components` under readable names, and every `$ref` to them is rewritten to the local
/// `#/components/<map>/<name>` form; path items are inlined (3.0 has no component map for them) and
/// `description: {$ref}` becomes the text it names. Nodes keep their own file:line:column.
/// An object is hoisted once per target however many references reach it, and names depend only on
/// the documents, so the merged tree (and a bundle of it) is the same on every run.
final class DocumentMerger {
    private let set: DocumentSet
    private var log = DiagnosticLog()
    /// Every position some `$ref` of the set points at: an object written there inline is the
    /// referenced object too, so it is replaced by a reference to keep one type per target.
    private var referencedPositions: Set<DocumentPosition> = []
    private var names = ComponentNameTable()
    private var pending: [(position: DocumentPosition, kind: SlotKind, map: String, name: String)] = []
    private var hoisted: [String: [YAMLMapping.Entry]] = [:]
    /// Path items being inlined, to stop a cycle of path-item references.
    private var inlining: Set<DocumentPosition> = []

    init(set: DocumentSet) {
        self.set = set
    }

    /// The merged root and every diagnostic found on the way.
    static func merge(_ set: DocumentSet) -> (root: YAMLNode, diagnostics: DiagnosticLog) {
        let merger = DocumentMerger(set: set)
        if merger.isAlreadySelfContained { return (set.root.root, set.log) }
        let root = merger.mergedRoot()
        var log = set.log
        // A path item inlined at two paths is walked twice; its problems are reported once.
        var seen: Set<Diagnostic> = []
        log.append(contentsOf: merger.log.diagnostics.filter { seen.insert($0).inserted })
        return (root, log)
    }

    /// One file whose references all have the forms the decoder reads itself: the merge would be the
    /// identity, and skipping it guarantees single-file descriptions decode exactly as before.
    private var isAlreadySelfContained: Bool {
        guard set.files.count == 1 else { return false }
        return set.root.references.allSatisfy { reference in
            guard reference.position.last != "description" else { return false }
            if Self.isPlainComponentReference(reference.text) { return true }
            guard let tokens = ReferenceText(reference.text).localPointerTokens else { return false }
            return (tokens.count == 3 && tokens[0] == "components") || (tokens.count == 2 && tokens[0] == "paths")
        }
    }

    /// `#/components/schemas/Pet` with nothing to unescape: by far the commonest reference, told
    /// apart without parsing the pointer.
    private static func isPlainComponentReference(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard text.hasPrefix("#/components/"), !utf8.contains(UInt8(ascii: "~")), !utf8.contains(UInt8(ascii: "%")) else {
            return false
        }
        return utf8.lazy.filter { $0 == UInt8(ascii: "/") }.count == 3 && utf8.last != UInt8(ascii: "/")
    }

    private func mergedRoot() -> YAMLNode {
        for (index, file) in set.files.enumerated() {
            for reference in file.references {
                let origin = DocumentPosition(file: index, tokens: reference.position)
                if let target = resolve(reference.text, from: origin, at: reference.node, reporting: false) {
                    referencedPositions.insert(target)
                }
            }
        }
        names.reserve(componentsOf: set.root.root)
        var root = walk(set.root.root, kind: .document, at: DocumentPosition(file: 0, tokens: []), isTarget: true)
        var nextPending = 0
        while nextPending < pending.count {
            let next = pending[nextPending]
            nextPending += 1
            guard let node = set.files[next.position.file].node(at: next.position.tokens) else { continue }
            let value = walk(node, kind: next.kind, at: next.position, isTarget: true)
            let key = YAMLNode(.scalar(YAMLScalar(next.name)), location: value.location)
            hoisted[next.map, default: []].append(.init(key: key, value: value))
        }
        root = ComponentsInsertion.insert(hoisted, into: root)
        return root
    }

    // MARK: - Walk

    /// A copy of `node` with its references rewritten; `kind` is what the grammar expects there.
    ///
    /// - Parameter isTarget: true for the object being hoisted or the document itself, which must not
    ///   turn into a reference to itself.
    private func walk(_ node: YAMLNode, kind: SlotKind, at position: DocumentPosition, isTarget: Bool = false) -> YAMLNode {
        if !isTarget, let map = kind.componentMap, referencedPositions.contains(position),
           !isRootComponent(position, map: map), node.mapping?["$ref"] == nil {
            let name = hoist(position, kind: kind, map: map)
            return referenceNode(to: map, name, at: node.location)
        }
        switch node.content {
        case .scalar:
            return node
        case .sequence(let items):
            var copy = node
            copy.content = .sequence(items.enumerated().map { offset, item in
                walk(item, kind: kind.child(String(offset)), at: position.appending(String(offset)))
            })
            return copy
        case .mapping(let mapping):
            if let refNode = mapping["$ref"], kind.acceptsReference {
                return rewriteReference(node, refNode: refNode, kind: kind, at: position)
            }
            return walkEntries(of: node, mapping, kind: kind, at: position)
        }
    }

    private func walkEntries(of node: YAMLNode, _ mapping: YAMLMapping, kind: SlotKind, at position: DocumentPosition) -> YAMLNode {
        var entries: [YAMLMapping.Entry] = []
        entries.reserveCapacity(mapping.count)
        for entry in mapping.entries {
            guard let key = entry.key.string else {
                entries.append(entry)
                continue
            }
            var value = entry.value
            // In a map of names (`properties`), `description` is a property like any other.
            if key == "description", !kind.isNamedMap, let refNode = value.mapping?["$ref"] {
                value = inlinedText(refNode, from: position) ?? value
            } else if kind == .schema, key == "discriminator" {
                value = rewriteDiscriminator(value, from: position)
            } else if !DocumentFile.isLiteralValueKey(key) || kind.isNamedMap {
                value = walk(value, kind: kind.child(key), at: position.appending(key))
            }
            entries.append(.init(key: entry.key, value: value))
        }
        var copy = node
        copy.content = .mapping(YAMLMapping(entries))
        return copy
    }

    // MARK: - References

    private func rewriteReference(_ node: YAMLNode, refNode: YAMLNode, kind: SlotKind, at position: DocumentPosition) -> YAMLNode {
        guard let text = refNode.string else { return node }
        let reference = ReferenceText(text)
        // A local component reference in the root is the decoder's to check (with its "did you mean").
        if position.file == 0, let tokens = reference.localPointerTokens,
           (tokens.count == 3 && tokens[0] == "components") || (kind == .pathItem && tokens.first == "paths") {
            return walkSiblings(of: node, keeping: refNode, kind: kind, at: position)
        }
        guard let written = resolve(text, from: position, at: refNode, reporting: true),
              let target = finalTarget(from: written, kind: kind, refNode: refNode) else { return node }
        guard target != DocumentPosition(file: 0, tokens: []) else {
            log.error("reference '\(text)' points to the whole description, not to one object in it", at: refNode.location)
            return node
        }
        if kind == .pathItem {
            if target.file == 0 { return replacingReference(in: node, refNode, with: target.fragment, kind: kind, at: position) }
            return inlinedPathItem(at: target, refNode: refNode) ?? node
        }
        guard let map = kind.componentMap else { return node }
        if isRootComponent(target, map: map) {
            return replacingReference(in: node, refNode, with: target.fragment, kind: kind, at: position)
        }
        if let mismatch = kindMismatch(target, expected: map) {
            log.error("reference '\(text)' points to \(mismatch.found) where \(mismatch.expected) is expected", at: refNode.location)
            return node
        }
        let name = hoist(target, kind: kind, map: map)
        return replacingReference(in: node, refNode, with: "#/components/\(map)/\(JSONPointer.escape(name))", kind: kind, at: position)
    }

    /// A component of another kind (`other.yaml#/components/parameters/p` where a schema belongs),
    /// reported as the decoder reports it for local references.
    private func kindMismatch(_ target: DocumentPosition, expected map: String) -> (found: String, expected: String)? {
        let tokens = target.tokens
        guard tokens.count == 3, tokens[0] == "components", tokens[1] != map,
              let found = ComponentKind(rawValue: tokens[1]), let expected = ComponentKind(rawValue: map) else { return nil }
        return (found.objectDescription, expected.objectDescription)
    }

    /// Follows references whose target is itself only a reference, so an alias chain becomes one
    /// component; a chain that comes back to where it passed is an error, at the `$ref` it started from.
    private func finalTarget(from start: DocumentPosition, kind: SlotKind, refNode: YAMLNode) -> DocumentPosition? {
        var chain = [start]
        var current = start
        while !(kind.componentMap.map { isRootComponent(current, map: $0) } ?? false),
              let mapping = set.files[current.file].node(at: current.tokens)?.mapping,
              let nextRef = mapping["$ref"], let nextText = nextRef.string,
              mapping.keys.allSatisfy({ $0 == "$ref" || $0.hasPrefix("x-") }) {
            guard let next = resolve(nextText, from: current, at: nextRef, reporting: true) else { return nil }
            guard !chain.contains(next) else {
                let members = (chain + [next]).map(describe).joined(separator: " → ")
                log.error("reference cycle: \(members) only refers to itself and never reaches an object", at: refNode.location)
                return nil
            }
            chain.append(next)
            current = next
        }
        return current
    }

    /// `'parts/a.yaml#/components/schemas/A'`, or just the file for a whole-file target.
    private func describe(_ position: DocumentPosition) -> String {
        "'\(set.files[position.file].displayPath)\(position.tokens.isEmpty ? "" : position.fragment)'"
    }

    private func inlinedPathItem(at target: DocumentPosition, refNode: YAMLNode) -> YAMLNode? {
        guard let node = set.files[target.file].node(at: target.tokens) else { return nil }
        guard inlining.insert(target).inserted else {
            log.error("reference cycle: path item \(describe(target)) includes itself", at: refNode.location)
            return nil
        }
        defer { inlining.remove(target) }
        return walk(node, kind: .pathItem, at: target, isTarget: true)
    }

    /// `description: {$ref: …}` (which real documents write, though the specification does not) becomes the text.
    private func inlinedText(_ refNode: YAMLNode, from origin: DocumentPosition) -> YAMLNode? {
        guard let text = refNode.string, let target = resolve(text, from: origin, at: refNode, reporting: true) else { return nil }
        guard let node = set.files[target.file].node(at: target.tokens), node.isStringScalar else {
            log.error("description reference '\(text)' must point to text", at: refNode.location)
            return nil
        }
        return node
    }

    /// Discriminator mapping values that name another file are references too; bare names stay the IR's.
    private func rewriteDiscriminator(_ node: YAMLNode, from origin: DocumentPosition) -> YAMLNode {
        guard let discriminator = node.mapping, let targets = discriminator["mapping"]?.mapping else { return node }
        let rewritten = targets.entries.map { entry in
            YAMLMapping.Entry(key: entry.key, value: rewriteMappingTarget(entry.value, from: origin))
        }
        var entries = discriminator.entries
        if let position = entries.firstIndex(where: { $0.key.string == "mapping" }) {
            entries[position].value.content = .mapping(YAMLMapping(rewritten))
        }
        var copy = node
        copy.content = .mapping(YAMLMapping(entries))
        return copy
    }

    /// `dog.yaml` or `other.json#/components/schemas/Dog` → `#/components/schemas/<name>`; anything else as written.
    private func rewriteMappingTarget(_ value: YAMLNode, from origin: DocumentPosition) -> YAMLNode {
        guard let text = value.string else { return value }
        let reference = ReferenceText(text)
        let mayNameAFile = text.contains("#") || text.contains(".")
        guard mayNameAFile, !(reference.isLocal && origin.file == 0),
              let target = resolve(text, from: origin, at: value, reporting: false) else { return value }
        let fragment = isRootComponent(target, map: "schemas")
            ? target.fragment
            : "#/components/schemas/\(JSONPointer.escape(hoist(target, kind: .schema, map: "schemas")))"
        var copy = value
        copy.content = .scalar(YAMLScalar(fragment, style: .singleQuoted))
        return copy
    }

    private func replacingReference(
        in node: YAMLNode, _ refNode: YAMLNode, with target: String, kind: SlotKind, at position: DocumentPosition
    ) -> YAMLNode {
        var newRef = refNode
        newRef.content = .scalar(YAMLScalar(target, style: .singleQuoted))
        return walkSiblings(of: node, keeping: newRef, kind: kind, at: position)
    }

    /// The reference object with its `$ref` value replaced and its siblings (3.1's `description`,
    /// `summary`, schema keywords) walked like any other object's keys.
    private func walkSiblings(of node: YAMLNode, keeping refNode: YAMLNode, kind: SlotKind, at position: DocumentPosition) -> YAMLNode {
        guard let mapping = node.mapping else { return node }
        let siblings = YAMLMapping(mapping.entries.filter { $0.key.string != "$ref" })
        let walked = walkEntries(of: node, siblings, kind: kind, at: position).mapping ?? siblings
        var entries: [YAMLMapping.Entry] = []
        for entry in mapping.entries {
            if entry.key.string == "$ref" {
                entries.append(.init(key: entry.key, value: refNode))
            } else if let key = entry.key.string, let value = walked[key] {
                entries.append(.init(key: entry.key, value: value))
            } else {
                entries.append(entry)
            }
        }
        var copy = node
        copy.content = .mapping(YAMLMapping(entries))
        return copy
    }

    // MARK: - Hoisting

    private func hoist(_ position: DocumentPosition, kind: SlotKind, map: String) -> String {
        if let name = names.name(of: position, in: map) { return name }
        let file = set.files[position.file]
        let preferred = HoistedName.name(for: position.tokens, in: file, isInRootFile: position.file == 0)
        let name = names.assign(preferred, to: position, in: map)
        pending.append((position, kind, map, name))
        return name
    }

    private func isRootComponent(_ position: DocumentPosition, map: String) -> Bool {
        position.file == 0 && position.tokens.count == 3 && position.tokens[0] == "components" && position.tokens[1] == map
    }

    private func referenceNode(to map: String, _ name: String, at location: SourceLocation) -> YAMLNode {
        let key = YAMLNode(.scalar(YAMLScalar("$ref")), location: location)
        let target = YAMLScalar("#/components/\(map)/\(JSONPointer.escape(name))", style: .singleQuoted)
        let value = YAMLNode(.scalar(target), location: location)
        return YAMLNode(.mapping(YAMLMapping([.init(key: key, value: value)])), location: location)
    }

    // MARK: - Resolution

    /// The position a `$ref` held by the object at `origin` designates, or `nil` after reporting
    /// (when asked to) why there is none. A file that could not be loaded was reported while loading.
    private func resolve(_ text: String, from origin: DocumentPosition, at refNode: YAMLNode, reporting: Bool) -> DocumentPosition? {
        switch ReferenceResolver(set: set).resolve(text, from: origin) {
        case .success(let position):
            return position
        case .failure(.reportedWhileLoading):
            return nil
        case .failure(.unresolvable(let message)):
            if reporting { log.error(message, at: refNode.location) }
            return nil
        }
    }
}
