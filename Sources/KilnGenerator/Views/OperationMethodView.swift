import KilnTemplates

/// One public method of an operation on the client: `x`, `xResponse`, `xRaw` or `xPages`. The list
/// of an operation's methods is made in one place (`OperationContextBuilder.methods`), so the
/// protocol, the mock and any later form of a method are written by the same loop.
struct OperationMethodView: TemplateViewModel {
    /// `body` (the success body), `response` (`Operations.X.Response`), `raw` (`HTTPResponse`),
    /// `alternative` (the success body in another media type) or `pages` (`PageSequence`, neither
    /// `async` nor throwing).
    var kind: String
    /// The method's name, escaped where it is a keyword.
    var name: String
    /// The mock's stored handler answering this method.
    var handlerName: String
    var arguments: ArgumentListView
    /// The method's parameters passed on by their internal names, in signature order.
    var forwarding: ForwardedArgumentListView
    /// `body` and `alternative`: what it returns (`nil`: nothing); `pages`: the item type; otherwise `nil`.
    var resultType: ReturnTypeView?
    /// Whether some parameter is optional: a protocol, which cannot declare the `= nil` defaults,
    /// then gets an extension method that has them.
    var hasDefaults: Bool

    static let members: TemplateMembers<OperationMethodView> = [
        .init("kind", \.kind), .init("name", \.name), .init("handlerName", \.handlerName), .init("arguments", \.arguments),
        .init("forwarding", \.forwarding), .init("resultType", \.resultType), .init("hasDefaults", \.hasDefaults),
    ]
}
