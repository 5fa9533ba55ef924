internal import KilnYAML

extension DecodingContext {
    /// Decodes an object that may instead be a `$ref` (parameters, responses, schemas, …).
    ///
    /// Returns `nil` only after reporting why the node is neither.
    func referenceable<Value>(
        _ node: YAMLNode, at pointer: JSONPointer, as subject: Subject, kind: ComponentKind,
        decodeValue: (ObjectFields) -> Value?
    ) -> Referenceable<Value>? {
        guard let fields = fields(of: node, at: pointer, as: subject) else { return nil }
        if let refNode = fields.mapping["$ref"] {
            return reference(refNode, in: fields, expecting: kind).map { .reference($0) }
        }
        return decodeValue(fields).map { .value($0) }
    }

    /// Reads a `$ref` value. An external target (only possible in a document given as text) is reported at once; a local one is kept and checked
    /// against `components` after the whole document is decoded, since refs may point forward.
    ///
    /// The reference's location is the `$ref` value's (where a fix goes); its pointer is the referring object's.
    func reference(_ refNode: YAMLNode, in fields: ObjectFields, expecting kind: ComponentKind?) -> Reference? {
        guard let target = refNode.string else {
            typeMismatch("$ref", expected: "a string", found: refNode)
            return nil
        }
        var reference = Reference(target: target, source: SourceRef(location: refNode.location, pointer: fields.pointer.fragment))
        if isVersion31 {
            reference.summary = fields.mapping["summary"]?.string
            reference.description = fields.mapping["description"]?.string
        }
        if !target.hasPrefix("#") {
            // Files are merged before decoding (`DocumentMerger`); one still here came with text held in memory.
            error("external reference '\(target)' cannot be followed in a document given as text; load it from its file", at: refNode)
        } else if let kind {
            recordReference(reference, expecting: kind)
        }
        return reference
    }
}
