internal import KilnYAML

/// Typed access to the fields of one OpenAPI object (a YAML mapping), reporting wrong types as it goes.
///
/// Every accessor treats an explicit `null` like an absent key: the spec never gives `null` a
/// meaning for these fields, and rejecting it would only add noise. Literal values (`default`,
/// `example`, …) do not go through these accessors because there `null` is a real value.
struct ObjectFields {
    let context: DecodingContext
    let node: YAMLNode
    let mapping: YAMLMapping
    let pointer: JSONPointer

    var source: SourceRef { context.sourceRef(node, pointer) }

    /// The value for `key`, or `nil` when it is absent or null.
    func value(_ key: String) -> YAMLNode? {
        guard let value = mapping[key], !value.isNull else { return nil }
        return value
    }

    /// A scalar's text. Numbers and booleans are accepted as their text (`version: 1.0`), since
    /// the author clearly meant the characters they wrote.
    func string(_ key: String) -> String? {
        guard let value = value(key) else { return nil }
        guard let text = value.string else {
            context.typeMismatch(key, expected: "a string", found: value)
            return nil
        }
        return text
    }

    /// Like `string`, but reports a missing (or null) key as an error at this object.
    func requiredString(_ key: String, in objectName: String) -> String? {
        guard value(key) != nil else {
            context.error("missing '\(key)' in \(objectName)", at: node)
            return nil
        }
        return string(key)
    }

    func bool(_ key: String) -> Bool? {
        guard let value = value(key) else { return nil }
        guard let bool = value.bool else {
            context.typeMismatch(key, expected: "a boolean", found: value)
            return nil
        }
        return bool
    }

    func int(_ key: String) -> Int? {
        guard let value = value(key) else { return nil }
        // `minLength: 1.0` is an integer in JSON Schema's sense, so integral floats are accepted.
        if let int = value.int { return int }
        if let double = value.double, double.rounded() == double, let int = Int(exactly: double) { return int }
        context.typeMismatch(key, expected: "an integer", found: value)
        return nil
    }

    func double(_ key: String) -> Double? {
        guard let value = value(key) else { return nil }
        guard let double = value.double else {
            context.typeMismatch(key, expected: "a number", found: value)
            return nil
        }
        return double
    }

    /// The items of a sequence with their pointers.
    func sequence(_ key: String) -> [(node: YAMLNode, pointer: JSONPointer)]? {
        guard let value = value(key) else { return nil }
        guard let items = value.sequence else {
            context.typeMismatch(key, expected: "a sequence", found: value)
            return nil
        }
        let base = pointer.appending(key)
        return items.enumerated().map { (node: $1, pointer: base.appending($0)) }
    }

    /// A sequence of strings; non-string items are reported and skipped.
    func strings(_ key: String) -> [String]? {
        guard let items = sequence(key) else { return nil }
        return items.compactMap { item in
            guard let text = item.node.string else {
                context.typeMismatch(.item(of: key), expected: "a string", found: item.node)
                return nil
            }
            return text
        }
    }

    /// The nested object under `key`.
    func object(_ key: String) -> ObjectFields? {
        guard let value = value(key) else { return nil }
        return context.fields(of: value, at: pointer.appending(key), as: .key(key))
    }

    /// The pointer of the value under `key`.
    func pointer(_ key: String) -> JSONPointer { pointer.appending(key) }
}
