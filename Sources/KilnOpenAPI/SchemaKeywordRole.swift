/// What a schema keyword's value is to a walk over the document: one table lookup per key tells
/// the linter whether the key is known, what to descend into, and whether it can declare the
/// schema's properties elsewhere (which excuses `required` names the schema does not list).
struct SchemaKeywordRole {
    enum Value {
        /// `properties`: a map of schemas whose keys are the names `required` may list.
        case properties
        /// `required`: the names to check.
        case required
        /// An object of another kind: `discriminator`, `xml`, `externalDocs`.
        case object(SpecKeywords.ObjectKind)
        case subschema
        case subschemaList
        case subschemaMap
        /// A plain value: `type`, `format`, `description`, …
        case plain
    }

    let value: Value
    let declaresPropertiesElsewhere: Bool

    /// Every keyword of `SpecKeywords.schemaKeywords`, built once.
    static let byKeyword: [String: SchemaKeywordRole] = Dictionary(
        uniqueKeysWithValues: SpecKeywords.schemaKeywords.map { ($0, SchemaKeywordRole(keyword: $0)) }
    )

    private init(keyword: String) {
        declaresPropertiesElsewhere = SpecKeywords.requiredElsewhereKeywords.contains(keyword)
        switch keyword {
        case "properties": value = .properties
        case "required": value = .required
        case "discriminator": value = .object(.discriminator)
        case "xml": value = .object(.xml)
        case "externalDocs": value = .object(.externalDocs)
        default:
            if SpecKeywords.subschemaKeywords.contains(keyword) {
                value = .subschema
            } else if SpecKeywords.subschemaListKeywords.contains(keyword) {
                value = .subschemaList
            } else if SpecKeywords.subschemaMapKeywords.contains(keyword) {
                value = .subschemaMap
            } else {
                value = .plain
            }
        }
    }
}
