import KilnDiagnostics
internal import KilnYAML

/// A decoded document with the warnings found on the way (the YAML parser's included).
public struct DecodedDocument: Sendable {
    public var document: OpenAPIDocument
    public var warnings: [Diagnostic]

    public init(document: OpenAPIDocument, warnings: [Diagnostic]) {
        self.document = document
        self.warnings = warnings
    }
}

/// Turns a parsed YAML/JSON tree into an `OpenAPIDocument` (OpenAPI 3.0.x and 3.1.x).
///
/// Decoding goes on past problems so that one run reports all of them; it throws at the end
/// when any was an error. Every `$ref` is checked against `components`, so later stages can
/// resolve references without meeting dangling ones. Internal: callers go through `OpenAPILoader`,
/// so no YAML type is part of this module's API.
enum OpenAPIDecoder {
    static func decode(_ yaml: YAMLDocument, file: String) throws(DiagnosticError) -> DecodedDocument {
        let version = try checkedVersion(of: yaml)
        let context = DecodingContext(file: file, isVersion31: version.hasPrefix("3.1."), root: yaml.root)
        let document = context.decodeDocument(yaml.root, version: version)
        context.validateReferences(in: document.components)
        DocumentLinter(context: context).lint(yaml.root)

        let diagnostics = inDocumentOrder(yaml.warnings + context.log.diagnostics)
        if context.log.hasErrors { throw DiagnosticError(diagnostics) }
        return DecodedDocument(document: document, warnings: diagnostics)
    }

    /// The `openapi` version, or a thrown error when the file is not something this decoder reads.
    ///
    /// These problems stop decoding at once: for a Swagger 2.0 file or an unknown version every
    /// further message would be noise.
    private static func checkedVersion(of yaml: YAMLDocument) throws(DiagnosticError) -> String {
        func fail(_ message: String, at node: YAMLNode) -> DiagnosticError {
            DiagnosticError(yaml.warnings + [.error(message, at: node.location)])
        }
        let root = yaml.root
        guard let mapping = root.mapping else {
            throw fail("an OpenAPI document must be a mapping, found \(DecodingContext.describe(root))", at: root)
        }
        if let swagger = mapping.entry(forKey: "swagger") {
            throw fail("Swagger 2.0 documents are not supported; convert to OpenAPI 3 first", at: swagger.key)
        }
        guard let versionNode = mapping["openapi"] else {
            throw fail("not an OpenAPI document: missing 'openapi'", at: root)
        }
        guard let version = versionNode.string else {
            throw fail("'openapi' must be a version string, found \(DecodingContext.describe(versionNode))", at: versionNode)
        }
        guard isSupported(version: version) else {
            throw fail("unsupported OpenAPI version '\(version)'; expected 3.0.x or 3.1.x", at: versionNode)
        }
        return version
    }

    /// `3.0.<patch>` or `3.1.<patch>`, optionally with a suffix such as `-rc0`.
    static func isSupported(version: String) -> Bool {
        let parts = version.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "3", parts[1] == "0" || parts[1] == "1" else { return false }
        return parts[2].first?.isASCII == true && parts[2].first?.isNumber == true
    }

    /// Sorted by file position (stable for equal ones) so users read them top to bottom; the
    /// reference checks run after the walk and would otherwise come last. Exact repeats are dropped:
    /// a path item reached through a `$ref` is decoded once more and would report its problems twice.
    private static func inDocumentOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen: Set<Diagnostic> = []
        return diagnostics.enumerated().sorted { lhs, rhs in
            switch (lhs.element.location, rhs.element.location) {
            case let (left?, right?) where left != right: return left < right
            case (.some, nil): return true
            case (nil, .some): return false
            default: return lhs.offset < rhs.offset
            }
        }.map(\.element).filter { seen.insert($0).inserted }
    }
}

extension DecodingContext {
    /// The root object; `version` has already been checked.
    func decodeDocument(_ root: YAMLNode, version: String) -> OpenAPIDocument {
        let placeholder = Info(title: "", version: "")
        guard let fields = fields(of: root, at: .root, as: .key("openapi document")) else {
            return OpenAPIDocument(version: version, info: placeholder, source: sourceRef(root, .root), file: file)
        }
        var document = OpenAPIDocument(
            version: version, info: decodeInfo(in: fields) ?? placeholder, source: fields.source, file: file
        )
        document.servers = decodeServers(in: fields)
        document.paths = decodePaths(in: fields)
        document.components = decodeComponents(in: fields)
        document.security = decodeSecurity(in: fields)
        document.tags = decodeTags(in: fields)
        return document
    }
}
