import KilnTemplates

/// A success response of an operation and what its convenience method returns for it.
struct SuccessCaseView: TemplateViewModel {
    var pattern: ResponseCasePatternView
    /// `nothing` (the method returns `Void`), `nil` (a success without a body when others have
    /// one), `body`, or `bodyAsJSON` (bodies of differing types, returned as `JSONValue`).
    var result: String

    static let members: TemplateMembers<SuccessCaseView> = [.init("pattern", \.pattern), .init("result", \.result)]
}
