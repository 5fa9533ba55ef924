/// A property that tells a `oneOf`'s members apart although the schema names no `discriminator`:
/// every member declaring it allows only a few fixed values there (`enum`, or `const` in 3.1), all
/// strings or all integers, and no value is allowed by two members, so the JSON's value names its member.
struct InferredDiscriminator {
    struct Tag {
        /// The values the member allows for the property; integers as decimal text.
        var values: [String]
        /// The member does not require the property, so its JSON may come without it.
        var isOptional: Bool
    }

    var propertyName: String
    /// The values are integers (Discord's invites: `type` is `0`, `1` or `2`), not strings.
    var isInteger: Bool
    /// One per member, in order; `nil` for a member that does not declare the property.
    var tags: [Tag?]

    var taggedMemberCount: Int { tags.count { $0 != nil } }
    var requiredTagCount: Int { tags.count { $0.map { !$0.isOptional } ?? false } }

    /// Between two qualifying properties, the one that tags more members wins, then the one more
    /// members require; an exact tie keeps the earlier one (the caller offers them in document order).
    func isPreferable(to other: InferredDiscriminator) -> Bool {
        if taggedMemberCount != other.taggedMemberCount { return taggedMemberCount > other.taggedMemberCount }
        return requiredTagCount > other.requiredTagCount
    }
}
