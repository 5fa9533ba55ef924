/// A scalar's text exactly as written (after YAML unescaping), with the style it was written in.
///
/// The style matters: `"true"` (quoted) is a string while `true` (plain) is a boolean.
public struct YAMLScalar: Sendable, Hashable {
    public enum Style: String, Sendable, Hashable {
        case plain
        case singleQuoted
        case doubleQuoted
        case literal
        case folded
    }

    public var value: String
    public var style: Style

    public init(_ value: String, style: Style = .plain) {
        self.value = value
        self.style = style
    }
}
