internal import KilnYAML

extension SpecValue {
    /// The node's value under YAML's core schema, the reading `YAMLNode`'s own accessors give:
    /// plain `true` is a boolean and `"true"` a string, `0x1F` is the integer 31 (text kept).
    init(_ node: YAMLNode) {
        switch node.content {
        case .scalar(let scalar):
            if node.isNull {
                self.init(.null, location: node.location)
            } else if let bool = node.bool {
                self.init(.bool(bool), text: scalar.value, location: node.location)
            } else if let int = node.int {
                self.init(.integer(int), text: scalar.value, location: node.location)
            } else if let double = node.double {
                self.init(.number(double), text: scalar.value, location: node.location)
            } else {
                self.init(.string(scalar.value), text: scalar.value, location: node.location)
            }
        case .sequence(let items):
            self.init(.array(items.map(SpecValue.init)), location: node.location)
        case .mapping(let mapping):
            // Keys are scalars in every document the decoder accepts; a complex key reads as "".
            let members = mapping.entries.map { Member(key: $0.key.scalar?.value ?? "", value: SpecValue($0.value)) }
            self.init(.object(members), location: node.location)
        }
    }
}
