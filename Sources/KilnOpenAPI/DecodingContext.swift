import KilnDiagnostics
internal import KilnYAML

/// The kinds of reusable objects under `components` that a `$ref` can point at.
enum ComponentKind: String, CaseIterable, Sendable {
    case schemas, responses, parameters, requestBodies, headers, securitySchemes

    /// "a schema", "a parameter", … for diagnostics.
    var objectDescription: String {
        switch self {
        case .schemas: return "a schema"
        case .responses: return "a response"
        case .parameters: return "a parameter"
        case .requestBodies: return "a request body"
        case .headers: return "a header"
        case .securitySchemes: return "a security scheme"
        }
    }

    var pointerPrefix: String { "#/components/\(rawValue)/" }
}

/// What a diagnostic is about: a keyed value or the items of a list.
enum Subject {
    case key(String)
    case item(of: String)

    /// `'required'` or `each item of 'tags'`, to start a sentence with.
    var phrase: String {
        switch self {
        case .key(let key): return "'\(key)'"
        case .item(of: let key): return "each item of '\(key)'"
        }
    }
}

/// A local `$ref` seen during decoding, checked once `components` is known (refs may point forward).
struct PendingReference {
    var reference: Reference
    var expectedKind: ComponentKind
}

/// State shared by all decoding functions for one document: the diagnostics and the `$ref`s to check.
///
/// A class because every decoding function appends to the same log and reference list; it never
/// leaves `OpenAPIDecoder.decode`, so it needs no `Sendable` conformance.
final class DecodingContext {
    let file: String
    let isVersion31: Bool
    /// The whole document, for following local `$ref`s of path items.
    let root: YAMLNode
    var log = DiagnosticLog()
    private(set) var pendingReferences: [PendingReference] = []

    init(file: String, isVersion31: Bool, root: YAMLNode) {
        self.file = file
        self.isVersion31 = isVersion31
        self.root = root
    }

    func error(_ message: String, at node: YAMLNode) {
        log.error(message, at: node.location)
    }

    func warning(_ message: String, at node: YAMLNode) {
        log.warning(message, at: node.location)
    }

    func sourceRef(_ node: YAMLNode, _ pointer: JSONPointer) -> SourceRef {
        SourceRef(location: node.location, pointer: pointer.fragment)
    }

    func recordReference(_ reference: Reference, expecting kind: ComponentKind) {
        pendingReferences.append(PendingReference(reference: reference, expectedKind: kind))
    }

    /// Reports a value of the wrong kind: `'required' must be a boolean, found a scalar "yes"`.
    func typeMismatch(_ subject: Subject, expected: String, found node: YAMLNode) {
        error("\(subject.phrase) must be \(expected), found \(Self.describe(node))", at: node)
    }

    func typeMismatch(_ key: String, expected: String, found node: YAMLNode) {
        typeMismatch(.key(key), expected: expected, found: node)
    }

    /// The node's kind with a short quote of a scalar's text, so the user recognises the offending value.
    static func describe(_ node: YAMLNode) -> String {
        guard let scalar = node.scalar, !node.isNull else { return node.kindDescription }
        let limit = 40
        let text = scalar.value.count > limit ? String(scalar.value.prefix(limit)) + "…" : scalar.value
        return "a scalar \"\(text)\""
    }

    /// A view of `node` as an object, or `nil` after reporting that it is not a mapping.
    func fields(of node: YAMLNode, at pointer: JSONPointer, as subject: Subject) -> ObjectFields? {
        guard let mapping = node.mapping else {
            typeMismatch(subject, expected: "a mapping", found: node)
            return nil
        }
        return ObjectFields(context: self, node: node, mapping: mapping, pointer: pointer)
    }

    /// Calls `body` for each entry of a map-like object (`paths`, `responses`, `properties`, …) in document order.
    ///
    /// - Parameter skipExtensions: true where the spec allows `x-` keys beside the map's own entries
    ///   (`paths`, `responses`); false where every key is a name (`properties`, `components.schemas`).
    func forEachEntry(
        of mapping: YAMLMapping, at pointer: JSONPointer, skipExtensions: Bool,
        _ body: (_ key: String, _ keyNode: YAMLNode, _ value: YAMLNode, _ pointer: JSONPointer) -> Void
    ) {
        for entry in mapping.entries {
            guard let key = entry.key.string else {
                error("keys must be scalars, found \(Self.describe(entry.key))", at: entry.key)
                continue
            }
            if skipExtensions && key.hasPrefix("x-") { continue }
            body(key, entry.key, entry.value, pointer.appending(key))
        }
    }
}
