import KilnTemplates

/// How a request's body is set: from `body` itself, or by a `switch` over `Operations.X.Body`
/// when the operation accepts several media types; unwrapped first when optional.
struct RequestBodyView: TemplateViewModel {
    var isRequired: Bool
    /// Several media types: `contents` are the cases of `Operations.X.Body`.
    var isEnumerated: Bool
    /// Every media type when enumerated, else the one sent.
    var contents: [RequestBodyContentView]

    static let members: TemplateMembers<RequestBodyView> = [
        .init("isRequired", \.isRequired), .init("isEnumerated", \.isEnumerated), .init("contents", \.contents),
        .init("content") { $0.contents.first },
    ]
}
