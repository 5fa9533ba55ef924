/// What a filter throws when it cannot handle its input or arguments.
///
/// It carries only the message: the engine knows where the filter was used and turns it into a
/// diagnostic `file:line:column: error: filter 'name': message`.
public struct TemplateFilterError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
