import KilnIR

extension IROperation {
    /// What the operation's generated convenience method returns, by the IR's names of its types
    /// (`Identity`, `[Session]?`, `Void`). Public for the API diff, which compares generated APIs
    /// without rendering them.
    public var convenienceMethodReturnType: String {
        let resolver = ReturnTypeResolver(operation: self)
        guard let valueType = resolver.valueType else { return "Void" }
        return valueType.swiftName + (resolver.isOptional ? "?" : "")
    }
}
