import KilnDiagnostics

/// One libyaml parse event, copied out of C memory so the C event can be freed at once.
enum YAMLEvent {
    /// What a node start carries besides its content.
    struct NodeProperties {
        var location: SourceLocation
        var tag: String?
        var anchor: String?
    }

    case streamStart
    case streamEnd
    case documentStart(SourceLocation)
    case documentEnd
    case alias(anchor: String, location: SourceLocation)
    case scalar(YAMLScalar, NodeProperties)
    case sequenceStart(NodeProperties)
    case sequenceEnd
    case mappingStart(NodeProperties)
    case mappingEnd
}
