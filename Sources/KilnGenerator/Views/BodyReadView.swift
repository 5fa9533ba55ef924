import KilnTemplates

/// How the router reads a request body: by its one media type, or by `Content-Type` among several.
struct BodyReadView: TemplateViewModel {
    /// The declared type without the optional (`Operations.X.Body` for several media types).
    var type: String
    /// Not required: a request without a body reads as `nil`.
    var isOptional: Bool
    /// Several media types: a `switch` on the request's, one `Body` case each.
    var isMultiple: Bool
    var contents: [BodyContentReadView]

    static let members: TemplateMembers<BodyReadView> = [
        .init("type") { $0.type }, .init("isOptional") { $0.isOptional }, .init("isMultiple") { $0.isMultiple },
        .init("contents") { $0.contents },
    ]
}

/// One media type of a request body: how it is decoded.
struct BodyContentReadView: TemplateViewModel {
    /// The media type without parameters (`application/json`).
    var mediaType: String
    /// The `Body` case it decodes into, after the dot.
    var caseMember: String
    /// `json`, `urlEncodedForm`, `multipartForm`, `bytes` or `text`.
    var coding: String
    var type: String

    static let members: TemplateMembers<BodyContentReadView> = [
        .init("mediaType") { $0.mediaType }, .init("caseMember") { $0.caseMember }, .init("coding") { $0.coding },
        .init("type") { $0.type },
    ]
}
