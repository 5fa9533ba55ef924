import KilnDiagnostics

/// A literal value written in the document (`enum`, `const`, `default`, `example`, `x-…`), with its place.
///
/// The model's own type, so later stages read spec literals without knowing they came from YAML.
/// Scalars keep their text as written: the IR uses the spec's own spelling (`1.50`, `0x1F`) for
/// raw values and doc comments.
public struct SpecValue: Sendable, Hashable {
    public indirect enum Content: Sendable, Hashable {
        case null
        case bool(Bool)
        case integer(Int)
        /// A number that is no `Int`: a fraction, an exponent, or too large; also `.inf` and `.nan`.
        case number(Double)
        case string(String)
        case array([SpecValue])
        /// Members in document order; a key written twice appears twice, as in the document.
        case object([Member])
    }

    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: SpecValue

        public init(key: String, value: SpecValue) {
            self.key = key
            self.value = value
        }
    }

    public var content: Content
    /// For a scalar other than null: its text as written (`1.50`, `True`, `0x1F`, `active`).
    public var text: String?
    /// Where the value starts (for an array or object: its first token).
    public var location: SourceLocation

    public init(_ content: Content, text: String? = nil, location: SourceLocation) {
        self.content = content
        self.text = text
        self.location = location
    }
}

extension SpecValue {
    public var isNull: Bool {
        if case .null = content { return true }
        return false
    }

    public var bool: Bool? {
        if case .bool(let value) = content { return value }
        return nil
    }

    public var int: Int? {
        if case .integer(let value) = content { return value }
        return nil
    }

    /// Any number, integers included.
    public var double: Double? {
        switch content {
        case .integer(let value): return Double(value)
        case .number(let value): return value
        default: return nil
        }
    }

    /// The value of a string (not of a number or boolean written without quotes).
    public var string: String? {
        if case .string(let value) = content { return value }
        return nil
    }

    public var array: [SpecValue]? {
        if case .array(let items) = content { return items }
        return nil
    }

    public var object: [Member]? {
        if case .object(let members) = content { return members }
        return nil
    }

    /// Value lookup in an object by key (the last of duplicates, as JSON parsers do); `nil` for other values.
    public subscript(key: String) -> SpecValue? {
        object?.last { $0.key == key }?.value
    }
}
