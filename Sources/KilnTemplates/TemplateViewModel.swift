/// A Swift type a template renders, declaring its members once: the value handed to the
/// renderer and the schema templates are checked against both come from `members`, so they
/// cannot disagree.
///
///     struct CaseView: TemplateViewModel {
///         var name: String
///         var doc: String?
///         static let members: TemplateMembers<CaseView> = [.init("name", \.name), .init("doc", \.doc)]
///     }
///
///     struct EnumView: TemplateViewModel {
///         var name: String
///         var cases: [CaseView]
///         var nested: [EnumView]        // recursive types are fine
///         static let members: TemplateMembers<EnumView> = [
///             .init("name", \.name), .init("cases", \.cases), .init("nested", \.nested),
///         ]
///     }
///
///     try environment.check(templateNamed: "Enum.stencil", against: EnumFileView.self)
///     let text = try environment.render(templateNamed: "Enum.stencil", model: file)
///
/// A member's value is anything `TemplateRepresentable`: `String`, `Bool`, `Int`, optionals,
/// arrays and `[String: …]` dictionaries of those, other view models, or `TemplateValue` itself
/// (unchecked, for values whose shape is not known statically). The root model's members are
/// the template's top-level names. Rendering converts the model to plain `TemplateValue`s through
/// the members' key paths, without reflection.
public protocol TemplateViewModel: TemplateRepresentable, Sendable {
    /// Every member a template may use, in the order a reader expects them.
    static var members: TemplateMembers<Self> { get }
    /// How diagnostics name the type: `'StructView' has no member 'x'`. The Swift type name by default.
    static var templateTypeName: String { get }
}

extension TemplateViewModel {
    public static var templateTypeName: String { String(describing: self) }

    public static var templateType: TemplateValueType { .viewModel(self) }

    /// The schema: each member's name and type, as the checker sees them.
    public static var memberTypes: [String: TemplateValueType] {
        Dictionary(members.map { ($0.name, $0.type) }, uniquingKeysWith: { first, _ in first })
    }

    /// The top-level names of a template rendered with this model.
    @inlinable
    public var templateContext: [String: TemplateValue] {
        let members = Self.members.list
        var context = [String: TemplateValue](minimumCapacity: members.count)
        for member in members {
            context[member.name] = member.value(of: self)
        }
        return context
    }

    /// A nested model: its values in member order, read through the type's shared name table.
    @inlinable public var templateValue: TemplateValue {
        let members = Self.members
        var values: [TemplateValue] = []
        values.reserveCapacity(members.list.count)
        for member in members.list {
            values.append(member.value(of: self))
        }
        return .object(TemplateObject(keys: members.keys, values: values))
    }
}
