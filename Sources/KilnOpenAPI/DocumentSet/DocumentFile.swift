internal import KilnYAML

/// One parsed file of a document set, with what JSON Schema lets other files refer to by name.
struct DocumentFile {
    /// The canonical file-system path, the key that makes every file load once.
    let path: String
    /// How diagnostics name the file: relative to the root file's display path.
    let displayPath: String
    let root: YAMLNode
    /// `$anchor` name → pointer tokens of the schema that declares it.
    private(set) var anchors: [String: [String]] = [:]
    /// `$id` value → pointer tokens of the schema that declares it.
    private(set) var identifiers: [String: [String]] = [:]
    /// Every `$ref` string value of the file, in document order, with its value node and the
    /// pointer tokens of the object holding it.
    private(set) var references: [(text: String, node: YAMLNode, position: [String])] = []

    init(path: String, displayPath: String, root: YAMLNode) {
        self.path = path
        self.displayPath = displayPath
        self.root = root
        index(root)
    }

    /// The node a pointer designates, or `nil` when a token names nothing.
    func node(at tokens: [String]) -> YAMLNode? {
        var node = root
        for token in tokens {
            if let mapping = node.mapping, let child = mapping[token] {
                node = child
            } else if let items = node.sequence, let index = Int(token), items.indices.contains(index) {
                node = items[index]
            } else {
                return nil
            }
        }
        return node
    }

    /// One walk collecting `$ref`, `$id` and `$anchor` values; an explicit stack, since files can be deep.
    /// Each node's pointer is kept as a link to its parent's, and spelled out only for the few nodes
    /// that hold one of those keys: copying the path at every node cost more than parsing the file.
    private mutating func index(_ root: YAMLNode) {
        var links: [(parent: Int, token: String)] = [(-1, "")]
        var stack: [(node: YAMLNode, link: Int)] = [(root, 0)]
        func tokens(_ link: Int) -> [String] {
            var tokens: [String] = []
            var current = link
            while current > 0 {
                tokens.append(links[current].token)
                current = links[current].parent
            }
            return tokens.reversed()
        }
        func child(of link: Int, _ token: String) -> Int {
            links.append((link, token))
            return links.count - 1
        }
        while let (node, link) = stack.popLast() {
            switch node.content {
            case .scalar:
                continue
            case .sequence(let items):
                for (position, item) in items.enumerated().reversed() where !item.isScalar {
                    stack.append((item, child(of: link, String(position))))
                }
            case .mapping(let mapping):
                if let ref = mapping["$ref"], let text = ref.string { references.append((text, ref, tokens(link))) }
                if let anchor = mapping["$anchor"]?.string { anchors[anchor] = tokens(link) }
                if let identifier = mapping["$id"]?.string { identifiers[identifier] = tokens(link) }
                let namesAreKeys = link > 0 && Self.namedMapKeys.contains(links[link].token)
                for entry in mapping.entries.reversed() where !entry.value.isScalar {
                    guard let key = entry.key.string, namesAreKeys || !Self.isLiteralValueKey(key) else { continue }
                    stack.append((entry.value, child(of: link, key)))
                }
            }
        }
    }

    /// Maps whose keys are names chosen by the author (a property may well be called `example`).
    static let namedMapKeys: Set<String> = [
        "properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "schemas", "parameters",
        "responses", "requestBodies", "headers", "examples", "links", "callbacks", "pathItems", "securitySchemes",
        "paths", "webhooks", "content", "encoding",
    ]

    /// Keys whose values are example data (an Example object's `value` included), not spec structure:
    /// a `$ref` inside them is data too.
    static func isLiteralValueKey(_ key: String) -> Bool {
        key == "example" || key == "value" || key == "default" || key == "const" || key == "enum" || key.hasPrefix("x-")
    }
}
