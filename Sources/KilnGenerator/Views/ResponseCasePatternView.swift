import KilnTemplates

/// A `case` pattern over `Operations.X.Response` that can bind the case's body: the case's member
/// name and which payload parts it has, for `ResponseCase.stencil`'s `responsePattern` macro.
struct ResponseCasePatternView: TemplateViewModel {
    /// The case as written after a dot (escaped only where Swift needs it).
    var member: String
    /// Ranges and `default` carry the status code before the body.
    var hasStatusCode: Bool
    var hasBody: Bool
    var hasHeaders: Bool

    static let members: TemplateMembers<ResponseCasePatternView> = [
        .init("member", \.member), .init("hasStatusCode", \.hasStatusCode), .init("hasBody", \.hasBody),
        .init("hasHeaders", \.hasHeaders),
    ]
}
