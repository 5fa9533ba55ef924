/// One member of a `TemplateViewModel`: its name in templates and the key path that reads it.
///
/// The key path gives both the value (at render time) and its static type (for the checker),
/// which is what keeps the two in step.
public struct TemplateMember<Model>: Sendable {
    public let name: String
    /// The member's type as templates see it, derived from the key path's value type.
    public let type: TemplateValueType
    private let read: @Sendable (Model) -> TemplateValue

    public init<Value: TemplateRepresentable>(_ name: String, _ keyPath: KeyPath<Model, Value> & Sendable) {
        self.name = name
        self.type = Value.templateType
        self.read = { model in model[keyPath: keyPath].templateValue }
    }

    public func value(of model: Model) -> TemplateValue {
        read(model)
    }
}
