import KilnIR

extension IROperation {
    /// What the operation's generated convenience method returns, as the client spells it
    /// (`Identity`, `[Session]?`, `Void`). Public for the API diff, which compares generated APIs
    /// without rendering them.
    public var convenienceMethodReturnType: String {
        ReturnTypeResolver(operation: self).swiftType ?? "Void"
    }
}
