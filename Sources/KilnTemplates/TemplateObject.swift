/// A view model converted for rendering: its members' values, in its type's member order.
public struct TemplateObject: Sendable, Hashable {
    public let keys: TemplateKeys
    public let values: [TemplateValue]

    public init(keys: TemplateKeys, values: [TemplateValue]) {
        self.keys = keys
        self.values = values
    }

    /// The member `name`, given `TemplateKeys.hash(name)` (the renderer has it from the parser).
    public func value(named name: String, hash: UInt32) -> TemplateValue? {
        keys.slot(of: name, hash: hash).map { values[$0] }
    }

    public subscript(name: String) -> TemplateValue? {
        value(named: name, hash: TemplateKeys.hash(name))
    }

    /// The members as a dictionary, for the rare uses that treat a model like one (`count`, `in`).
    public var dictionary: [String: TemplateValue] {
        var entries: [String: TemplateValue] = [:]
        for (name, value) in zip(keys.names, values) where entries[name] == nil {
            entries[name] = value
        }
        return entries
    }

    public static func == (lhs: TemplateObject, rhs: TemplateObject) -> Bool {
        (lhs.keys === rhs.keys || lhs.keys.names == rhs.keys.names) && lhs.values == rhs.values
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(keys.names)
        hasher.combine(values)
    }
}
