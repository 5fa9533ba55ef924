/// What the OpenAPI grammar expects at a place in a document: it decides where a referenced object
/// is moved (`components/<map>`) and which children of an object can hold further references.
enum SlotKind: Equatable, Sendable {
    case document, components, paths, pathItem, operation, callback
    case schema, parameter, header, requestBody, response, mediaType, encoding, example, link, securityScheme, tag
    /// A map whose every value is of one kind (`properties`, `responses`, `components/schemas`, …).
    indirect case map(of: SlotKind)
    /// A sequence whose every item is of one kind (`allOf`, `parameters`, `tags`, …).
    indirect case list(of: SlotKind)
    /// Anything else: kept as written, except that a `description: {$ref}` is still inlined.
    case other

    /// The `components` map a referenced object of this kind is moved into; `nil` for path items
    /// (inlined: 3.0 has no component map for them) and for kinds that are never referenced.
    var componentMap: String? {
        switch self {
        case .schema: return "schemas"
        case .parameter: return "parameters"
        case .header: return "headers"
        case .requestBody: return "requestBodies"
        case .response: return "responses"
        case .example: return "examples"
        case .link: return "links"
        case .callback: return "callbacks"
        case .securityScheme: return "securitySchemes"
        default: return nil
        }
    }

    /// Objects the specification lets a `$ref` stand for.
    var acceptsReference: Bool {
        componentMap != nil || self == .pathItem
    }

    /// A map whose keys are names, so `example` or `default` there is a name, not a literal value.
    var isNamedMap: Bool {
        if case .map = self { return true }
        return false
    }

    /// The kind of the value under `key` in an object of this kind.
    func child(_ key: String) -> SlotKind {
        switch self {
        case .map(let value): return value
        case .list(let item): return item
        case .document: return Self.documentChildren[key] ?? .other
        case .components: return Self.componentsChildren[key] ?? .other
        case .paths, .callback: return key.hasPrefix("x-") ? .other : .pathItem
        case .pathItem: return Self.pathItemChild(key)
        case .operation: return Self.operationChildren[key] ?? .other
        case .schema: return Self.schemaChildren[key] ?? .other
        case .parameter, .header: return Self.parameterChildren[key] ?? .other
        case .requestBody: return key == "content" ? .map(of: .mediaType) : .other
        case .response: return Self.responseChildren[key] ?? .other
        case .mediaType: return Self.mediaTypeChildren[key] ?? .other
        case .encoding: return key == "headers" ? .map(of: .header) : .other
        case .example, .link, .securityScheme, .tag, .other: return .other
        }
    }

    private static func pathItemChild(_ key: String) -> SlotKind {
        switch key {
        case "get", "put", "post", "delete", "options", "head", "patch", "trace": return .operation
        case "parameters": return .list(of: .parameter)
        default: return .other
        }
    }

    private static let documentChildren: [String: SlotKind] = [
        "paths": .paths, "webhooks": .map(of: .pathItem), "components": .components, "tags": .list(of: .tag),
    ]
    private static let componentsChildren: [String: SlotKind] = [
        "schemas": .map(of: .schema), "responses": .map(of: .response), "parameters": .map(of: .parameter),
        "examples": .map(of: .example), "requestBodies": .map(of: .requestBody), "headers": .map(of: .header),
        "securitySchemes": .map(of: .securityScheme), "links": .map(of: .link), "callbacks": .map(of: .callback),
        "pathItems": .map(of: .pathItem),
    ]
    private static let operationChildren: [String: SlotKind] = [
        "parameters": .list(of: .parameter), "requestBody": .requestBody, "responses": .map(of: .response),
        "callbacks": .map(of: .callback),
    ]
    private static let schemaChildren: [String: SlotKind] = [
        "properties": .map(of: .schema), "patternProperties": .map(of: .schema), "$defs": .map(of: .schema),
        "definitions": .map(of: .schema), "dependentSchemas": .map(of: .schema),
        "items": .schema, "additionalProperties": .schema, "not": .schema, "contains": .schema,
        "propertyNames": .schema, "if": .schema, "then": .schema, "else": .schema, "unevaluatedItems": .schema,
        "unevaluatedProperties": .schema, "additionalItems": .schema, "contentSchema": .schema,
        "allOf": .list(of: .schema), "anyOf": .list(of: .schema), "oneOf": .list(of: .schema), "prefixItems": .list(of: .schema),
    ]
    private static let parameterChildren: [String: SlotKind] = [
        "schema": .schema, "content": .map(of: .mediaType), "examples": .map(of: .example),
    ]
    private static let responseChildren: [String: SlotKind] = [
        "headers": .map(of: .header), "content": .map(of: .mediaType), "links": .map(of: .link),
    ]
    private static let mediaTypeChildren: [String: SlotKind] = [
        "schema": .schema, "examples": .map(of: .example), "encoding": .map(of: .encoding),
    ]
}
