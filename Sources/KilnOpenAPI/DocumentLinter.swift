import KilnDiagnostics
internal import KilnYAML

/// Warnings about what a document says that Kiln would otherwise pass over in silence: keys that
/// no OpenAPI object has (typos: `tpye`, with a suggestion), `required` naming a property the schema
/// does not declare, and parts of the description no Swift is generated for (webhooks, callbacks,
/// links), each kind reported once at its first place with how many there are.
///
/// A separate walk over the node tree rather than checks inside the decoders: it sees every object,
/// including the ones the decoders skip (examples, links, callbacks), and keeps the key lists in one place.
/// A class, like `DecodingContext`, because the walk's closures add to what it has seen.
final class DocumentLinter {
    let context: DecodingContext
    private var ignored: [(kind: String, node: YAMLNode)] = []

    init(context: DecodingContext) {
        self.context = context
    }

    func lint(_ root: YAMLNode) {
        guard let document = root.mapping else { return }
        checkKeys(document, of: .document)
        object(document["info"], .info) { info in
            object(info["contact"], .contact)
            object(info["license"], .license)
        }
        each(in: document["servers"]) { server(in: $0) }
        entries(of: document["paths"], skippingExtensions: true) { pathItem($0) }
        if let webhooks = document["webhooks"]?.mapping, !webhooks.isEmpty {
            ignoring("webhooks", webhooks.entries.map(\.key))
            entries(of: document["webhooks"], skippingExtensions: true) { pathItem($0) }
        }
        object(document["components"], .components) { components($0) }
        each(in: document["tags"]) { tag in object(tag, .tag) { object($0["externalDocs"], .externalDocs) } }
        object(document["externalDocs"], .externalDocs)
        reportIgnored()
    }

    // MARK: Objects

    private func components(_ components: YAMLMapping) {
        entries(of: components["schemas"]) { schema($0) }
        entries(of: components["responses"]) { response($0) }
        entries(of: components["parameters"]) { parameter($0, kind: .parameter) }
        entries(of: components["examples"]) { object($0, .example) }
        entries(of: components["requestBodies"]) { requestBody($0) }
        entries(of: components["headers"]) { parameter($0, kind: .header) }
        entries(of: components["securitySchemes"]) { securityScheme($0) }
        entries(of: components["links"]) { link($0) }
        entries(of: components["callbacks"]) { callback($0) }
        entries(of: components["pathItems"]) { pathItem($0) }
    }

    private func pathItem(_ node: YAMLNode) {
        object(node, .pathItem) { item in
            for entry in item.entries {
                guard let key = entry.key.string else { continue }
                if SpecKeywords.httpMethods.contains(key) { operation(entry.value) }
            }
            each(in: item["parameters"]) { parameter($0, kind: .parameter) }
            each(in: item["servers"]) { server(in: $0) }
        }
    }

    private func operation(_ node: YAMLNode) {
        object(node, .operation) { operation in
            each(in: operation["parameters"]) { parameter($0, kind: .parameter) }
            requestBody(operation["requestBody"])
            entries(of: operation["responses"], skippingExtensions: true) { response($0) }
            entries(of: operation["callbacks"], skippingExtensions: true) { callback($0) }
            object(operation["externalDocs"], .externalDocs)
            each(in: operation["servers"]) { server(in: $0) }
        }
    }

    private func callback(_ node: YAMLNode) {
        guard let callback = node.mapping, callback["$ref"] == nil else { return }
        ignoring("callbacks", [node])
        entries(of: node, skippingExtensions: true) { pathItem($0) }
    }

    private func link(_ node: YAMLNode) {
        ignoring("links", [node])
        object(node, .link) { object($0["server"], .server) }
    }

    private func parameter(_ node: YAMLNode?, kind: SpecKeywords.ObjectKind) {
        object(node, kind) { parameter in
            schema(parameter["schema"])
            content(parameter["content"])
            entries(of: parameter["examples"]) { object($0, .example) }
        }
    }

    private func requestBody(_ node: YAMLNode?) {
        object(node, .requestBody) { content($0["content"]) }
    }

    private func response(_ node: YAMLNode) {
        object(node, .response) { response in
            entries(of: response["headers"]) { parameter($0, kind: .header) }
            content(response["content"])
            entries(of: response["links"]) { link($0) }
        }
    }

    private func content(_ node: YAMLNode?) {
        entries(of: node) { mediaType in
            object(mediaType, .mediaType) { mediaType in
                schema(mediaType["schema"])
                entries(of: mediaType["examples"]) { object($0, .example) }
                entries(of: mediaType["encoding"]) { encoding in
                    object(encoding, .encoding) { encoding in
                        entries(of: encoding["headers"]) { parameter($0, kind: .header) }
                    }
                }
            }
        }
    }

    private func securityScheme(_ node: YAMLNode) {
        object(node, .securityScheme) { scheme in
            object(scheme["flows"], .oauthFlows) { flows in
                for entry in flows.entries where entry.key.string?.hasPrefix("x-") == false {
                    object(entry.value, .oauthFlow)
                }
            }
        }
    }

    private func server(in node: YAMLNode) {
        object(node, .server) { server in
            entries(of: server["variables"]) { object($0, .serverVariable) }
        }
    }

    // MARK: Schemas

    /// One pass over the schema's entries: keys checked, subschemas walked, the rest noted for the
    /// `required` check (schemas are most of a document, so this walk is kept to one pass).
    private func schema(_ node: YAMLNode?) {
        // 3.1 schemas may be booleans; anything else that is not a mapping the decoder reports.
        guard let node, let mapping = node.mapping else { return }
        var properties: YAMLMapping?
        var required: [YAMLNode]?
        var declaresElsewhere = false
        for entry in mapping.entries {
            guard let key = entry.key.string else { continue }
            guard let role = SchemaKeywordRole.byKeyword[key] else {
                if !key.hasPrefix("x-") { reportUnknownKey(key, at: entry.key, in: .schema) }
                continue
            }
            if role.declaresPropertiesElsewhere { declaresElsewhere = true }
            switch role.value {
            case .properties:
                properties = entry.value.mapping
                entries(of: entry.value) { schema($0) }
            case .required:
                required = entry.value.sequence
            case .object(let kind):
                object(entry.value, kind)
            case .subschema:
                schema(entry.value)
            case .subschemaList:
                each(in: entry.value) { schema($0) }
            case .subschemaMap:
                entries(of: entry.value) { schema($0) }
            case .plain:
                break
            }
        }
        if let properties, let required, !declaresElsewhere { checkRequired(required, declared: properties.keys) }
    }

    /// `required: [nmae]` beside `properties: {name: …}`. Only where the schema itself must declare
    /// every property: compositions, references and open maps can supply the name elsewhere.
    private func checkRequired(_ required: [YAMLNode], declared: [String]) {
        for item in required {
            guard let name = item.string, !declared.contains(name) else { continue }
            let suggestion = SpellingSuggestion.didYouMean(name, among: declared)
            context.warning("'required' names '\(name)', which is not among the schema's properties\(suggestion)", at: item)
        }
    }

    // MARK: Walking

    /// Checks `node` as an object of `kind` (unless it is a `$ref`) and hands its mapping to `body`.
    private func object(_ node: YAMLNode?, _ kind: SpecKeywords.ObjectKind, _ body: (YAMLMapping) -> Void = { _ in }) {
        guard let mapping = node?.mapping else { return }
        // A reference object: its target is checked where it is defined.
        if mapping["$ref"] != nil && kind != .pathItem { return }
        checkKeys(mapping, of: kind)
        body(mapping)
    }

    private func checkKeys(_ mapping: YAMLMapping, of kind: SpecKeywords.ObjectKind) {
        let known = SpecKeywords.fields(of: kind)
        for entry in mapping.entries {
            guard let key = entry.key.string, !key.hasPrefix("x-"), !known.contains(key) else { continue }
            reportUnknownKey(key, at: entry.key, in: kind)
        }
    }

    private func reportUnknownKey(_ key: String, at node: YAMLNode, in kind: SpecKeywords.ObjectKind) {
        let suggestion = SpellingSuggestion.didYouMean(key, among: SpecKeywords.fields(of: kind).sorted())
        context.warning("unknown key '\(key)' in \(kind.phrase)\(suggestion); it is ignored", at: node)
    }

    private func each(in node: YAMLNode?, _ body: (YAMLNode) -> Void) {
        for item in node?.sequence ?? [] { body(item) }
    }

    private func entries(of node: YAMLNode?, skippingExtensions: Bool = false, _ body: (YAMLNode) -> Void) {
        for entry in node?.mapping?.entries ?? [] {
            if skippingExtensions && entry.key.string?.hasPrefix("x-") == true { continue }
            body(entry.value)
        }
    }

    // MARK: What is not generated

    private func ignoring(_ kind: String, _ nodes: [YAMLNode]) {
        ignored += nodes.map { (kind, $0) }
    }

    private func reportIgnored() {
        let explanations = [
            "webhooks": "Kiln generates no handler types for webhooks",
            "callbacks": "Kiln generates no types for callback requests",
            "links": "Kiln generates no follow-up calls for links",
        ]
        for kind in ["webhooks", "callbacks", "links"] {
            let places = ignored.filter { $0.kind == kind }.map(\.node).sorted { $0.location < $1.location }
            guard let first = places.first else { continue }
            let count = places.count == 1 ? "1 in this document" : "\(places.count) in this document, this is the first"
            context.warning("\(kind) are not generated: \(explanations[kind] ?? "") (\(count))", at: first)
        }
    }
}
