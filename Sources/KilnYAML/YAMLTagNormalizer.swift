/// Turns the tag libyaml reports into the form `YAMLNode.tag` promises.
///
/// libyaml already resolves handles (`!!str` arrives as `tag:yaml.org,2002:str`, `%TAG` handles are
/// applied), so this only deals with the non-specific tag `!` and, defensively, a leftover `!!`.
enum YAMLTagNormalizer {
    static let coreSchemaPrefix = "tag:yaml.org,2002:"

    /// - Parameter isPlainScalar: whether the tagged node is a plain scalar. YAML gives `! 123` the
    ///   string type, and a plain scalar has no other way to say so, so `!` becomes `!!str` there;
    ///   on a quoted/block scalar or a collection `!` adds nothing and is dropped.
    static func normalize(_ tag: String?, isPlainScalar: Bool) -> String? {
        guard let tag, !tag.isEmpty else { return nil }
        if tag == "!" { return isPlainScalar ? YAMLNode.stringTag : nil }
        if tag.hasPrefix("!!") { return coreSchemaPrefix + tag.dropFirst(2) }
        return tag
    }
}
