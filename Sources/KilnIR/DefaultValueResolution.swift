import KilnDiagnostics
import KilnOpenAPI

/// Reads each property's `default` against the property's Swift type, once every type is known
/// (an enum may be declared after the object using it): a literal the initializer can take, or none.
/// A default that is not a value of its type at all is the document's defect: a warning says so.
enum DefaultValueResolution {
    static func resolving(_ types: [IRType], log: inout DiagnosticLog) -> [IRType] {
        let typesByName = [String: IRType].byQualifiedName(types)
        return types.map { resolving($0, typesByName: typesByName, log: &log) }
    }

    private static func resolving(_ type: IRType, typesByName: [String: IRType], log: inout DiagnosticLog) -> IRType {
        var type = type
        if case .object(var object) = type.kind {
            for index in object.properties.indices {
                guard let declared = object.properties[index].declaredDefault else { continue }
                let property = object.properties[index]
                let resolved = defaultValue(declared, for: property.type, typesByName: typesByName)
                if resolved == nil, let expected = mismatch(declared, for: property.type, typesByName: typesByName) {
                    log.warning(
                        "the default of property '\(property.jsonName)' is not \(expected); it is documented but not used as the initializer's default",
                        at: declared.location
                    )
                }
                object.properties[index].defaultValue = resolved
                object.properties[index].declaredDefault = nil
            }
            type.kind = .object(object)
        }
        type.nestedTypes = type.nestedTypes.map { resolving($0, typesByName: typesByName, log: &log) }
        return type
    }

    /// What the default should have been, when it is no value of the type (`"three"` for an
    /// integer, a value outside an enum); `nil` when it fits, though perhaps without a literal
    /// (dates, objects, non-empty arrays, infinity). `null` fits: nullability is checked elsewhere.
    private static func mismatch(_ value: SpecValue, for type: IRTypeReference, typesByName: [String: IRType]) -> String? {
        guard !value.isNull else { return nil }
        switch typesByName.resolvingAliases(type) {
        case .builtin(.string): return value.string == nil ? "a string" : nil
        case .builtin(.int), .builtin(.int64): return value.int == nil ? "an integer" : nil
        case .builtin(.int32): return "a 32-bit integer"
        case .builtin(.double), .builtin(.float): return value.double == nil ? "a number" : nil
        case .builtin(.bool): return value.bool == nil ? "a boolean" : nil
        case .builtin(.date), .builtin(.uuid), .builtin(.data), .builtin(.json), .builtin(.body), .dictionary: return nil
        case .array: return value.array == nil ? "an array" : nil
        case .named(let name):
            guard case .enumeration? = typesByName[name]?.kind else { return nil }
            return "one of the enum's values"
        }
    }

    static func defaultValue(_ value: SpecValue, for type: IRTypeReference, typesByName: [String: IRType]) -> IRDefaultValue? {
        switch typesByName.resolvingAliases(type) {
        case .builtin(let builtin):
            return scalar(value, as: builtin)
        case .named(let name):
            guard case .enumeration(let enumeration)? = typesByName[name]?.kind else { return nil }
            return enumCase(value, in: enumeration)
        case .array:
            if let items = value.array, items.isEmpty { return .emptyArray }
            return nil
        case .dictionary:
            return nil
        }
    }

    private static func scalar(_ value: SpecValue, as builtin: IRBuiltinType) -> IRDefaultValue? {
        switch builtin {
        case .string:
            return value.string.map(IRDefaultValue.string)
        case .int, .int64:
            return value.int.map(IRDefaultValue.integer)
        case .int32:
            // A literal out of `Int32`'s range would not compile.
            guard let integer = value.int, Int32(exactly: integer) != nil else { return nil }
            return .integer(integer)
        case .double, .float:
            // Infinity and NaN have no literal; they stay in the documentation.
            guard let number = value.double, number.isFinite else { return nil }
            // The author's spelling (`0.50`, `1`) where a Swift literal reads the same; YAML's other
            // spellings (`+1.5`, `1.e5`, `0x1F`) as the value's shortest decimal form.
            if let text = value.text, isPlainDecimal(text) { return .number(text) }
            return .number(number.description)
        case .bool:
            return value.bool.map(IRDefaultValue.boolean)
        case .date, .uuid, .data, .json, .body:
            return nil
        }
    }

    /// `-12`, `0.50`, `1e-3`: digits, an optional fraction with digits on both sides of the point,
    /// an optional exponent. A whole number must fit `Int64`, the integer literal type of `Double`.
    static func isPlainDecimal(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        func digits() -> Int {
            let count = bytes.prefix { (48...57).contains($0) }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        guard digits() > 0 else { return false }
        var whole = true
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            guard digits() > 0 else { return false }
            whole = false
        }
        if let marker = bytes.first, marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
            whole = false
        }
        return bytes.isEmpty && (!whole || Int64(text) != nil)
    }

    /// The case whose raw value the default is; a default outside the enum is the document's defect
    /// and stays in the docs only.
    private static func enumCase(_ value: SpecValue, in enumeration: IREnumeration) -> IRDefaultValue? {
        let raw: String?
        switch enumeration.rawType {
        case .string: raw = value.string
        case .int: raw = value.int.map(String.init)
        case .double: raw = value.text
        }
        guard let raw, let match = enumeration.cases.first(where: { $0.rawValue == raw }) else { return nil }
        return .enumCase(match.swiftName)
    }
}
