/// One member of a `TemplateViewModel`: its name in templates and how to read it, usually a key
/// path: `.init("name", \.name)`. A closure works too, for a value computed from the model:
/// `.init("isEmpty") { $0.cases.isEmpty }`.
///
/// The reader's result type gives the member's static type (for the checker) and its conversion
/// to a `TemplateValue` (for rendering), which is what keeps the two in step. The reader is a
/// function rather than a stored `KeyPath` because a key path literal passed as a function
/// compiles to a direct property read, where applying a stored key path goes through the
/// runtime: converting a model measured about 1.5× faster this way.
public struct TemplateMember<Model>: Sendable {
    public let name: String
    /// The member's type as templates see it, derived from the reader's result type.
    public let type: TemplateValueType
    @usableFromInline let read: @Sendable (Model) -> TemplateValue

    // Inlinable, like the conversions in `TemplateRepresentable.swift`, so that the conversion
    // is specialized for the model in the generator's module instead of running as generic code
    // through witness tables (measured 5× slower across modules).
    @inlinable
    public init<Value: TemplateRepresentable>(_ name: String, _ read: @escaping @Sendable (Model) -> Value) {
        self.name = name
        self.type = Value.templateType
        self.read = { model in read(model).templateValue }
    }

    @inlinable
    public func value(of model: Model) -> TemplateValue {
        read(model)
    }
}
