/// Either an inline object or a `$ref` to one in `components`.
///
/// `indirect` because schemas nest schemas through it.
public indirect enum Referenceable<Value: Sendable>: Sendable {
    case reference(Reference)
    case value(Value)

    public var reference: Reference? {
        if case .reference(let reference) = self { return reference }
        return nil
    }

    public var value: Value? {
        if case .value(let value) = self { return value }
        return nil
    }
}
