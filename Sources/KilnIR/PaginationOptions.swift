/// `pagination:` in the configuration: which operations page although their spec does not say so.
public struct PaginationOptions: Sendable, Hashable {
    public var style: IRPagination.Style
    /// Operations with an optional query parameter of this name (as written) and an array success
    /// body page, passing the next page's token in it.
    public var cursorParameter: String

    public init(style: IRPagination.Style = .link, cursorParameter: String = IRPagination.defaultCursorParameter) {
        self.style = style
        self.cursorParameter = cursorParameter
    }
}
