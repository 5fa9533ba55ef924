/// A view model held as itself inside a `TemplateValue`, its members read when a template asks for
/// them. Converting every nested model to a dictionary before rendering cost more than rendering:
/// most members of most models are read once, and many never.
public struct TemplateModelValue: Sendable, Hashable {
    let model: any TemplateViewModel

    public init(_ model: some TemplateViewModel) {
        self.model = model
    }

    /// The member's value, `nil` when the model has no such member.
    func member(named name: String) -> TemplateValue? {
        model.templateMember(named: name)
    }

    /// Every member, as a dictionary: for `for key, value in`, `count` and comparisons.
    public var dictionary: [String: TemplateValue] {
        model.templateContext
    }

    public static func == (lhs: TemplateModelValue, rhs: TemplateModelValue) -> Bool {
        lhs.dictionary == rhs.dictionary
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(dictionary)
    }
}

extension TemplateViewModel {
    /// One member's value by name; a model has a few dozen members at most, and short names compare
    /// faster than a hash is computed.
    func templateMember(named name: String) -> TemplateValue? {
        for member in Self.members where member.name == name {
            return member.value(of: self)
        }
        return nil
    }
}
