internal import KilnYAML

/// The readable component name of an object moved into `components` because a `$ref` reached it in
/// another file or deep inside an object: it comes from what owns the object, never from a counter.
///
/// `#/components/responses/Error/content/application~1json/schema` → `ErrorBody`,
/// `#/paths/~1users/get/parameters/0/schema` (operation `listUsers`, parameter `limit`) → `ListUsersLimit`,
/// `schemas/pet.yaml#/properties/owner` → `PetOwner`, `other.yaml#/components/schemas/Money` → `Money`.
enum HoistedName {
    /// - Parameters:
    ///   - tokens: the target's pointer tokens inside `file`.
    ///   - isInRootFile: objects of the root file need no file name to tell them apart.
    static func name(for tokens: [String], in file: DocumentFile, isInRootFile: Bool) -> String {
        var parts: [String] = []
        let first = tokens.first ?? ""
        // A path item file's operation is named by its `operationId`, which needs no file name beside it.
        let namedByOperation = PointerWalker.isOperationKey(first) && file.root[first]?["operationId"]?.string != nil
        let namedByPointer = namedByOperation || ["components", "paths", "$defs", "definitions"].contains(first)
        if !isInRootFile && !namedByPointer { parts.append(fileStem(file.displayPath)) }
        var walker = PointerWalker(tokens: tokens, node: file.root)
        while let part = walker.nextPart() { parts.append(part) }
        if parts.isEmpty { parts.append(fileStem(file.displayPath)) }
        // A single component name is kept exactly as written, as it would be in a single-file description.
        if parts.count == 1, tokens.count == 3, tokens[0] == "components" { return parts[0] }
        let name = parts.map(upperCamelCase).joined()
        // Only a pointer of punctuation (`#/-/_`) leaves nothing; the file still tells what it is.
        return name.isEmpty ? upperCamelCase(fileStem(file.displayPath)) + "Component" : name
    }

    /// `error-response.yaml` → `error-response`.
    static func fileStem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// `list_users-v2` → `ListUsersV2`; the letters after the first of a word keep their case (`listUsers` → `ListUsers`).
    static func upperCamelCase(_ text: String) -> String {
        text.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
    }
}

/// Steps through a pointer, turning each structural step into a name part (or none).
private struct PointerWalker {
    let tokens: [String]
    var node: YAMLNode?
    var index = 0
    /// Whether the last object passed was a media type, where `schema` means the body.
    var inMediaType = false

    init(tokens: [String], node: YAMLNode) {
        self.tokens = tokens
        self.node = node
    }

    mutating func nextPart() -> String? {
        while index < tokens.count {
            let token = tokens[index]
            let following = index + 1 < tokens.count ? tokens[index + 1] : nil
            let wasInMediaType = inMediaType
            inMediaType = false
            switch token {
            case "components":
                // `components/<map>/<name>`: the name alone.
                advance(by: 2)
                return advance(by: 1)
            case "paths", "webhooks", "callbacks":
                guard let path = following else { return nil }
                advance(by: 2)
                if index < tokens.count, let operation = node?[tokens[index]], Self.isOperationKey(tokens[index]) {
                    let method = tokens[index]
                    advance(by: 1)
                    return operation["operationId"]?.string ?? method + " " + path
                }
                return path
            case _ where Self.isOperationKey(token) && node?[token]?["operationId"] != nil:
                advance(by: 1)
                return node?["operationId"]?.string
            case "parameters", "headers":
                guard following != nil else { advance(by: 1); return nil }
                advance(by: 2)
                return node?["name"]?.string ?? tokens[index - 1]
            case "content":
                advance(by: 2)
                inMediaType = true
            case "schema":
                advance(by: 1)
                if wasInMediaType { return "Body" }
            case "responses":
                guard let code = following else { advance(by: 1); return nil }
                advance(by: 2)
                return "Response " + code
            case "requestBody":
                advance(by: 1)
                return "Request"
            case "properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "examples", "links":
                guard let name = following else { advance(by: 1); return nil }
                advance(by: 2)
                return name
            case "allOf", "anyOf", "oneOf", "prefixItems":
                guard let position = following.flatMap({ Int($0) }) else { advance(by: 1); return nil }
                advance(by: 2)
                return (token == "allOf" ? "Part " : "Option ") + String(position + 1)
            case "items":
                advance(by: 1)
                return "Item"
            case "additionalProperties":
                advance(by: 1)
                return "Value"
            default:
                advance(by: 1)
                return token
            }
        }
        return nil
    }

    static func isOperationKey(_ key: String) -> Bool {
        ["get", "put", "post", "delete", "options", "head", "patch", "trace"].contains(key)
    }

    /// Moves `count` tokens on (following the node) and returns the token landed on last, if any.
    @discardableResult
    private mutating func advance(by count: Int) -> String? {
        var last: String?
        for _ in 0..<count where index < tokens.count {
            last = tokens[index]
            node = node.flatMap { Self.child(of: $0, token: tokens[index]) }
            index += 1
        }
        return last
    }

    private static func child(of node: YAMLNode, token: String) -> YAMLNode? {
        if let value = node[token] { return value }
        if let items = node.sequence, let position = Int(token), items.indices.contains(position) { return items[position] }
        return nil
    }
}
