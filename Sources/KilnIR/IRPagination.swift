/// How an operation's results come a page at a time, which gives it an `xPages` method.
public struct IRPagination: Sendable, Hashable {
    public enum Style: String, Sendable, Hashable, CaseIterable {
        /// The response's `Link` header names the next page (`rel="next"`); its URL's cursor
        /// parameter is sent as the next request's cursor parameter.
        case link
    }

    /// Why the operation pages, for diagnostics and tests.
    public enum Reason: Sendable, Hashable {
        /// A success response documents a `Link` header.
        case documentedLinkHeader
        /// The configuration's `pagination` applies to the operation.
        case configuration
    }

    /// The cursor parameter when neither the configuration nor the spec names one.
    public static let defaultCursorParameter = "page_token"

    public var style: Style
    public var reason: Reason
    /// The optional query parameter the next page's token goes in, by its name as written (`page_token`).
    public var cursorParameter: String
    /// The element type of the success body's array.
    public var itemType: IRTypeReference
    /// The `xPages` method's name, unescaped; given by `SwiftNamer`.
    public var methodName: String

    public init(style: Style, reason: Reason, cursorParameter: String, itemType: IRTypeReference, methodName: String = "") {
        self.style = style
        self.reason = reason
        self.cursorParameter = cursorParameter
        self.itemType = itemType
        self.methodName = methodName
    }
}
