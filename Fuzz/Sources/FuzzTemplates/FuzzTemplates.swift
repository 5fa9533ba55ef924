// libFuzzer target: bytes → template source, parsed and rendered by `TemplateEnvironment`.
//
// Two input shapes:
// - no NUL byte: the whole input is the template, rendered against `FixedContext.values`;
// - `CONTEXT \0 TEMPLATE`: CONTEXT is JSON-ish (see `JSONish`), its top-level object's members
//   are laid over the fixed context, and TEMPLATE is rendered against the result.
//
// The template is registered as `self.stencil` too, so includes (of itself and of the fixed
// partials) are reachable. The built-in filters are used, plus stand-ins for the generator's
// Swift filters (`docComment`, `swiftString`, `commentSafe`) so the real templates in the corpus
// parse. Thrown `DiagnosticError`s are normal results but must carry an error diagnostic.
import CFuzzerDriver
import KilnDiagnostics
import KilnTemplates

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplates(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { UnsafeBufferPointer(start: $0, count: size) } ?? UnsafeBufferPointer(start: nil, count: 0)
    var context = FixedContext.values
    let templateBytes: UnsafeBufferPointer<UInt8>.SubSequence
    if let separator = bytes.firstIndex(of: 0) {
        var parser = JSONish(bytes[..<separator])
        if case .dictionary(let members)? = parser.parseDocument() {
            context.merge(members) { _, new in new }
        }
        templateBytes = bytes[(separator + 1)...]
    } else {
        templateBytes = bytes[...]
    }
    let source = String(decoding: templateBytes, as: UTF8.self)

    var templates = FixedContext.partials
    templates["input.stencil"] = source
    templates["self.stencil"] = source
    let environment = TemplateEnvironment(
        loader: DictionaryTemplateLoader(templates, displayPrefix: "Fuzz/"),
        filters: StandInFilters.all
    )
    do {
        let output = try environment.render(templateNamed: "input.stencil", context: context)
        _ = output.utf8.count
    } catch {
        let text = error.description
        guard error.diagnostics.contains(where: { $0.severity == .error }) else {
            fatalError("DiagnosticError without an error diagnostic: \(text)")
        }
    }
    return 0
}

/// What the generator's templates expect to find, small enough that loops stay cheap.
enum FixedContext {
    static let values: [String: TemplateValue] = [
        "access": "public",
        "moduleName": "FuzzClient",
        "specFileName": "fuzz.yaml",
        "needsNetworking": true,
        "additionalImports": ["AppModels"],
        "module": [
            "title": "Fuzz API", "version": "1.0.0", "doc": "An API.\n\nSecond paragraph.",
            "servers": [["name": "server1", "url": "https://example.com/{v}", "doc": nil]],
        ],
        "type": [
            "name": "Pet", "kind": "struct", "doc": "A pet.\nIt has a name.", "sourceName": "pet",
            "initArguments": "id: Int, name: String? = nil",
            "properties": [
                [
                    "name": "id", "type": "Int", "jsonName": "id", "jsonNameDiffers": false, "doc": nil,
                    "inInit": true, "indirect": false, "deprecatedAttribute": false, "optional": false,
                ],
                [
                    "name": "name", "type": "String?", "jsonName": "pet-name", "jsonNameDiffers": true,
                    "doc": "The name.", "inInit": true, "indirect": true, "deprecatedAttribute": true, "optional": true,
                ],
            ],
            "additionalProperties": ["name": "additionalProperties", "valueType": "JSONValue"],
            "cases": [["name": "dog", "rawValue": "dog", "doc": nil], ["name": "cat", "rawValue": "cat", "doc": "Meow"]],
            "rawType": "String", "nestedDeclarations": "struct Inner {}", "target": "String",
        ],
        "group": ["name": "Pets", "doc": nil],
        "operations": [
            [
                "name": "listPets", "method": "GET", "path": "/pets/{id}", "doc": "Lists pets.",
                "parameters": [["name": "id", "type": "Int", "location": "path", "required": true]],
                "returnType": "[Pet]", "deprecated": false, "responses": [["status": 200, "type": "[Pet]"]],
            ],
        ],
        "securitySchemes": [["name": "apiKey", "kind": "apiKey", "headerName": "X-Key"]],
        "authenticationInitArguments": "apiKey: String? = nil",
        "hasBasicAuthentication": false,
        "declaration": "struct Pet {}",
        "sourceName": "pet",
        "items": [1, 2, 3],
        "names": ["a", "B", "ç"],
        "text": "  Hello\r\nworld\n\n\tend  ",
        "number": -7,
        "flag": false,
        "empty": "",
        "nothing": nil,
        "dict": ["b": 2, "a": "x", "c": [true, nil]],
    ]

    /// Partials the input can include; `self.stencil` (added per input) is the input itself.
    static let partials: [String: String] = [
        "header.stencil": "// {{ specFileName }} ({{ moduleName|default:\"?\" }})\n",
        "list.stencil": "{% for item in items %}{{ item }}{% if not loop.last %}, {% endif %}{% endfor %}\n",
        "nested.stencil": "  {% include \"header.stencil\" %}\n{{ value|default:\"none\" }}\n",
        "broken.stencil": "{% if %}",
    ]
}

/// Stand-ins for the generator's Swift filters, with the same argument shapes.
enum StandInFilters {
    static let all: [String: TemplateFilter] = [
        "docComment": { value, arguments in
            guard arguments.count <= 1 else { throw TemplateFilterError("expects 0 or 1 arguments") }
            guard case .string(let text) = value else { throw TemplateFilterError("expects a string") }
            return .string(text.split(separator: "\n", omittingEmptySubsequences: false).map { "/// " + $0 }.joined(separator: "\n"))
        },
        "swiftString": { value, arguments in
            guard arguments.isEmpty else { throw TemplateFilterError("expects no arguments") }
            guard case .string(let text) = value else { throw TemplateFilterError("expects a string") }
            return .string("\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\"")
        },
        "commentSafe": { value, arguments in
            guard arguments.isEmpty else { throw TemplateFilterError("expects no arguments") }
            guard case .string(let text) = value else { throw TemplateFilterError("expects a string") }
            return .string(text.replacing("*/", with: "* /"))
        },
    ]
}

/// A small, strict JSON-ish reader for the context half of an input: objects, arrays, strings
/// (with `\"`, `\\`, `\n` escapes), integers, true/false/null. Anything else ends the read with
/// `nil`, so a broken context falls back to the fixed one. Depth is bounded.
struct JSONish {
    private let bytes: UnsafeBufferPointer<UInt8>.SubSequence
    private var position: Int
    private static let maximumDepth = 16

    init(_ bytes: UnsafeBufferPointer<UInt8>.SubSequence) {
        self.bytes = bytes
        self.position = bytes.startIndex
    }

    mutating func parseDocument() -> TemplateValue? {
        parseValue(depth: 0)
    }

    private mutating func skipSpace() {
        while position < bytes.endIndex, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[position]) { position += 1 }
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        skipSpace()
        guard position < bytes.endIndex, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private mutating func parseValue(depth: Int) -> TemplateValue? {
        guard depth < Self.maximumDepth else { return nil }
        skipSpace()
        guard position < bytes.endIndex else { return nil }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            position += 1
            var members: [String: TemplateValue] = [:]
            if consume(UInt8(ascii: "}")) { return .dictionary(members) }
            repeat {
                skipSpace()
                guard let key = parseString(), consume(UInt8(ascii: ":")), let value = parseValue(depth: depth + 1) else { return nil }
                members[key] = value
            } while consume(UInt8(ascii: ","))
            return consume(UInt8(ascii: "}")) ? .dictionary(members) : nil
        case UInt8(ascii: "["):
            position += 1
            var items: [TemplateValue] = []
            if consume(UInt8(ascii: "]")) { return .array(items) }
            repeat {
                guard let value = parseValue(depth: depth + 1) else { return nil }
                items.append(value)
            } while consume(UInt8(ascii: ","))
            return consume(UInt8(ascii: "]")) ? .array(items) : nil
        case UInt8(ascii: "\""):
            return parseString().map(TemplateValue.string)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = position
            position += 1
            while position < bytes.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
            return Int(String(decoding: bytes[start..<position], as: UTF8.self)).map(TemplateValue.int)
        default:
            for (word, value) in [("true", TemplateValue.bool(true)), ("false", .bool(false)), ("null", .null)] {
                let utf8 = Array(word.utf8)
                if bytes[position...].starts(with: utf8) {
                    position += utf8.count
                    return value
                }
            }
            return nil
        }
    }

    private mutating func parseString() -> String? {
        guard position < bytes.endIndex, bytes[position] == UInt8(ascii: "\"") else { return nil }
        position += 1
        var utf8: [UInt8] = []
        while position < bytes.endIndex {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard position < bytes.endIndex else { return nil }
                let escaped = bytes[position]
                position += 1
                utf8.append(escaped == UInt8(ascii: "n") ? 0x0A : escaped == UInt8(ascii: "t") ? 0x09 : escaped)
            default:
                utf8.append(byte)
            }
        }
        return nil
    }
}

/// The entry point SwiftPM's Linux link step names (`--defsym main=FuzzTemplates_main`): run libFuzzer.
@_cdecl("FuzzTemplates_main")
public func FuzzTemplatesMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzTemplates(data, size) }
}
