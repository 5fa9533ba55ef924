/// A value a view model member can hold: it knows its template value and its static type.
public protocol TemplateRepresentable: SendableMetatype {
    /// The type the checker assumes for every value of this Swift type.
    static var templateType: TemplateValueType { get }
    var templateValue: TemplateValue { get }
}

extension String: TemplateRepresentable {
    public static var templateType: TemplateValueType { .string }
    @inlinable public var templateValue: TemplateValue { .string(self) }
}

extension Bool: TemplateRepresentable {
    public static var templateType: TemplateValueType { .bool }
    @inlinable public var templateValue: TemplateValue { .bool(self) }
}

extension Int: TemplateRepresentable {
    public static var templateType: TemplateValueType { .int }
    @inlinable public var templateValue: TemplateValue { .int(self) }
}

/// `nil` renders as null, which prints nothing and is false in conditions.
extension Optional: TemplateRepresentable where Wrapped: TemplateRepresentable {
    public static var templateType: TemplateValueType { .optional(Wrapped.templateType) }
    // A `switch`, not `map(\.templateValue)`: an unoptimized build applies a key path literal
    // through the runtime, which made optional members the larger part of converting a model.
    @inlinable public var templateValue: TemplateValue {
        switch self {
        case .some(let value): return value.templateValue
        case .none: return .null
        }
    }
}

extension Array: TemplateRepresentable where Element: TemplateRepresentable {
    public static var templateType: TemplateValueType { .array(Element.templateType) }

    @inlinable public var templateValue: TemplateValue {
        var values: [TemplateValue] = []
        values.reserveCapacity(count)
        for element in self {
            values.append(element.templateValue)
        }
        return .array(values)
    }
}

extension Dictionary: TemplateRepresentable where Key == String, Value: TemplateRepresentable {
    public static var templateType: TemplateValueType { .dictionary(Value.templateType) }
    @inlinable public var templateValue: TemplateValue { .dictionary(mapValues { $0.templateValue }) }
}

/// The escape hatch: a member whose shape is not known statically. The checker does not look
/// inside it.
extension TemplateValue: TemplateRepresentable {
    public static var templateType: TemplateValueType { .any }
    @inlinable public var templateValue: TemplateValue { self }
}
