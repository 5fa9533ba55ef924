import KilnDiagnostics

/// One node of a parsed YAML (or JSON) document, with the place it came from.
///
/// Aliases are already resolved: an alias node is a copy of its anchored node, so consumers never
/// see YAML's graph structure. Values are immutable and cheap to copy.
///
/// Stored compactly, since a spec's whole tree is in memory while it is decoded (the peak of a
/// run): line and column as 32-bit numbers, and the rare tag and anchor in one optional box,
/// 56 bytes a node instead of 88.
public struct YAMLNode: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping(YAMLMapping)
    }

    /// An explicit tag or anchor, which few nodes have.
    private final class Properties: Sendable {
        let tag: String?
        let anchor: String?

        init(tag: String?, anchor: String?) {
            self.tag = tag
            self.anchor = anchor
        }
    }

    public var content: Content
    private var file: String
    private var line: Int32
    private var column: Int32
    private var properties: Properties?

    public init(_ content: Content, location: SourceLocation, tag: String? = nil, anchor: String? = nil) {
        self.content = content
        self.file = location.file
        self.line = Int32(clamping: location.line)
        self.column = Int32(clamping: location.column)
        self.properties = tag == nil && anchor == nil ? nil : Properties(tag: tag, anchor: anchor)
    }

    /// Where the node starts (for a mapping or sequence: its first token).
    public var location: SourceLocation {
        get { SourceLocation(file: file, line: Int(line), column: Int(column)) }
        set {
            file = newValue.file
            line = Int32(clamping: newValue.line)
            column = Int32(clamping: newValue.column)
        }
    }

    /// The explicit tag in full form (`tag:yaml.org,2002:str` for `!!str`), or `nil` when untagged.
    public var tag: String? {
        get { properties?.tag }
        set { properties = newValue == nil && anchor == nil ? nil : Properties(tag: newValue, anchor: anchor) }
    }

    /// The anchor (`&name`) the node was defined with, if any.
    public var anchor: String? {
        get { properties?.anchor }
        set { properties = tag == nil && newValue == nil ? nil : Properties(tag: tag, anchor: newValue) }
    }

    public static func == (lhs: YAMLNode, rhs: YAMLNode) -> Bool {
        lhs.content == rhs.content && lhs.location == rhs.location && lhs.tag == rhs.tag && lhs.anchor == rhs.anchor
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(content)
        hasher.combine(location)
        hasher.combine(tag)
        hasher.combine(anchor)
    }
}

extension YAMLNode {
    public var isScalar: Bool {
        if case .scalar = content { return true }
        return false
    }

    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    public var mapping: YAMLMapping? {
        if case .mapping(let mapping) = content { return mapping }
        return nil
    }

    /// The text of a scalar that is not null, whatever its resolved type.
    public var string: String? {
        guard let scalar, !isNull else { return nil }
        return scalar.value
    }

    /// Value lookup in a mapping by a string key; `nil` for other kinds of node.
    public subscript(key: String) -> YAMLNode? {
        mapping?[key]
    }

    /// A short English name for the node's kind, for diagnostics ("expected a mapping, found a sequence").
    public var kindDescription: String {
        switch content {
        case .scalar: return isNull ? "null" : "a scalar"
        case .sequence: return "a sequence"
        case .mapping: return "a mapping"
        }
    }

    /// YAML 1.2 core schema null: untagged plain `null`, `Null`, `NULL`, `~` or empty, or an explicit `!!null`.
    public var isNull: Bool {
        guard let scalar else { return false }
        if tag == YAMLNode.nullTag { return true }
        guard tag == nil, scalar.style == .plain else { return false }
        switch scalar.value {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// Core schema booleans for plain scalars (`true`/`false` in their three casings) or `!!bool`.
    public var bool: Bool? {
        guard let scalar, tag == nil ? scalar.style == .plain : tag == YAMLNode.boolTag else { return nil }
        switch scalar.value {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// Core schema integers for plain scalars (decimal, `0o` octal, `0x` hex) or `!!int`.
    public var int: Int? {
        guard let scalar, tag == nil ? scalar.style == .plain : tag == YAMLNode.intTag else { return nil }
        let text = scalar.value
        if text.hasPrefix("0x") { return Int(text.dropFirst(2), radix: 16) }
        if text.hasPrefix("0o") { return Int(text.dropFirst(2), radix: 8) }
        return Int(text.hasPrefix("+") ? String(text.dropFirst()) : text)
    }

    /// Core schema floats (and integers) for plain scalars or `!!float`.
    public var double: Double? {
        guard let scalar, tag == nil ? scalar.style == .plain : (tag == YAMLNode.floatTag || tag == YAMLNode.intTag) else {
            return nil
        }
        switch scalar.value {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default:
            if let int { return Double(int) }
            return Double(scalar.value)
        }
    }

    /// True for a scalar that the core schema would read as a string (quoted, block, or plain but not null/bool/number).
    public var isStringScalar: Bool {
        guard let scalar else { return false }
        if let tag { return tag == YAMLNode.stringTag }
        if scalar.style != .plain { return true }
        return !isNull && bool == nil && double == nil
    }

    public static let nullTag = "tag:yaml.org,2002:null"
    public static let boolTag = "tag:yaml.org,2002:bool"
    public static let intTag = "tag:yaml.org,2002:int"
    public static let floatTag = "tag:yaml.org,2002:float"
    public static let stringTag = "tag:yaml.org,2002:str"
}
