internal import KilnYAML

/// `paths`, path items (including local `$ref` ones) and their operations.
extension DecodingContext {
    func decodePaths(in document: ObjectFields) -> OrderedMap<PathItem> {
        guard document.value("paths") != nil else {
            // 3.1 made `paths` optional (webhook-only or component-only documents).
            if !isVersion31 { warning("missing 'paths' (required in OpenAPI 3.0)", at: document.node) }
            return .init()
        }
        guard let paths = document.object("paths") else { return .init() }
        var result = OrderedMap<PathItem>()
        forEachEntry(of: paths.mapping, at: paths.pointer, skipExtensions: true) { path, keyNode, value, pointer in
            if !path.hasPrefix("/") { warning("path '\(path)' should start with '/'", at: keyNode) }
            if let item = decodePathItem(value, at: pointer, as: .key(path)) { result[path] = item }
        }
        return result
    }

    private func decodePathItem(_ node: YAMLNode, at pointer: JSONPointer, as subject: Subject) -> PathItem? {
        guard let fields = fields(of: node, at: pointer, as: subject) else { return nil }
        guard let refNode = fields.mapping["$ref"] else { return decodePathItemObject(fields) }
        // Path items have no component map in 3.0, so their refs are plain JSON pointers into this
        // document (`#/paths/~1other`, 3.1's `#/components/pathItems/x`); they are followed right here.
        guard let target = followPathItemReference(refNode, in: fields) else { return nil }
        return decodePathItemObject(target)
    }

    /// The path item object a `$ref` chain ends at, or `nil` after reporting why there is none.
    private func followPathItemReference(_ refNode: YAMLNode, in fields: ObjectFields) -> ObjectFields? {
        var current = fields
        var currentRef = refNode
        var visited: Set<String> = []
        while true {
            guard let reference = reference(currentRef, in: current, expecting: nil),
                  reference.target.hasPrefix("#") else { return nil }  // external: already reported
            guard visited.insert(reference.target).inserted else {
                error("reference cycle through '\(reference.target)'", at: refNode)
                return nil
            }
            guard let (node, pointer) = resolveLocalPointer(reference.target) else {
                error("unresolvable reference '\(reference.target)'", at: currentRef)
                return nil
            }
            guard let target = self.fields(of: node, at: pointer, as: .key(reference.target)) else { return nil }
            guard let next = target.mapping["$ref"] else { return target }
            current = target
            currentRef = next
        }
    }

    /// The node a local pointer (`#/paths/~1users`) designates in this document, with the pointer normalised.
    func resolveLocalPointer(_ fragment: String) -> (node: YAMLNode, pointer: JSONPointer)? {
        guard let tokens = JSONPointer.tokens(ofFragment: fragment) else { return nil }
        var node = root
        var pointer = JSONPointer.root
        for token in tokens {
            if let mapping = node.mapping, let child = mapping[token] {
                node = child
                pointer = pointer.appending(token)
            } else if let items = node.sequence, let index = Int(token), items.indices.contains(index) {
                node = items[index]
                pointer = pointer.appending(index)
            } else {
                return nil
            }
        }
        return (node, pointer)
    }

    private func decodePathItemObject(_ fields: ObjectFields) -> PathItem {
        var item = PathItem(
            summary: fields.string("summary"), description: fields.string("description"),
            parameters: decodeParameterList(in: fields), source: fields.source
        )
        // Walk the entries rather than look each method up, to keep the document's order.
        for entry in fields.mapping.entries {
            guard let key = entry.key.string, let method = HTTPMethod(rawValue: key) else { continue }
            let pointer = fields.pointer(key)
            guard let operation = self.fields(of: entry.value, at: pointer, as: .key(key)) else { continue }
            item.operations.append((method, decodeOperation(operation)))
        }
        return item
    }

    private func decodeOperation(_ fields: ObjectFields) -> Operation {
        var operation = Operation(
            operationId: fields.string("operationId"), summary: fields.string("summary"),
            description: fields.string("description"), tags: fields.strings("tags") ?? [],
            parameters: decodeParameterList(in: fields), deprecated: fields.bool("deprecated") ?? false,
            source: fields.source
        )
        if let body = fields.value("requestBody") {
            operation.requestBody = referenceable(
                body, at: fields.pointer("requestBody"), as: .key("requestBody"), kind: .requestBodies, decodeValue: decodeRequestBody
            )
        }
        if fields.mapping["responses"] != nil {
            operation.responses = decodeResponses(in: fields)
        } else if !isVersion31 {
            warning("operation has no 'responses' (required in OpenAPI 3.0)", at: fields.node)
        }
        operation.security = decodeSecurity(in: fields)
        return operation
    }
}
