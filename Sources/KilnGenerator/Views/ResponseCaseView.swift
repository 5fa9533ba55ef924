import KilnTemplates

/// One documented response as a case of `Operations.X.Response`: how it is declared, matched by
/// status and decoded, for `ResponseCase.stencil`'s macros.
struct ResponseCaseView: TemplateViewModel {
    var doc: String
    /// The case name as declared, escaped where it is a keyword.
    var name: String
    var pattern: ResponseCasePatternView
    /// `code` (one status), `range` (`4XX`) or `default` (any other).
    var statusKind: String
    /// The status for `code`, the first of the range for `range`.
    var statusCode: Int
    /// Past the range's last status, for `range`.
    var statusRangeEnd: Int
    var bodyType: TypeReferenceView?
    /// How the body is read: `json`, `text` (UTF-8), `bytes` (as received), or as it arrives:
    /// `eventStream` (server-sent events), `jsonRecords` (JSON Lines) or `byteStream` (`HTTPBody`).
    var bodyCoding: String
    /// For a case of another media type: the `Content-Type` (base, lower-cased) that picks it.
    var mediaType: String?
    /// The event data that ends an event stream, when configured.
    var terminator: String?
    /// The name of the headers struct in `Operations.X`, when the response documents headers.
    var headersType: String?
    /// The same status in its other media types, each a case of its own.
    var alternatives: [ResponseCaseView] = []

    static let members: TemplateMembers<ResponseCaseView> = [
        .init("doc", \.doc), .init("name", \.name), .init("pattern", \.pattern), .init("statusKind", \.statusKind),
        .init("statusCode", \.statusCode), .init("statusRangeEnd", \.statusRangeEnd), .init("bodyType", \.bodyType),
        .init("bodyCoding", \.bodyCoding), .init("headersType", \.headersType),
        .init("terminator", \.terminator), .init("mediaType", \.mediaType), .init("alternatives", \.alternatives),
        .init("streams") { ["eventStream", "jsonRecords", "byteStream"].contains($0.bodyCoding) },
        .init("hasPayload") { $0.pattern.hasStatusCode || $0.bodyType != nil || $0.headersType != nil },
    ]
}
