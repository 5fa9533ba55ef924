import KilnTemplates

/// A client method asking for another media type of an operation's success response
/// (`chatEventStream`) and returning it: the caller chooses the type by the method.
struct AlternativeMethodView: TemplateViewModel {
    /// The method's name, escaped where it is a keyword.
    var name: String
    /// The media type it asks for, as documented (`text/event-stream`).
    var mediaType: String
    var resultType: ReturnTypeView
    /// The body is read as it arrives (events, records), not whole.
    var streams: Bool
    /// The `Response` cases that carry the body in that media type.
    var cases: [ResponseCasePatternView]
    /// The operation's arguments passed on, and the `Accept` value.
    var forwarding: ForwardedArgumentListView

    static let members: TemplateMembers<AlternativeMethodView> = [
        .init("name", \.name), .init("mediaType", \.mediaType), .init("resultType", \.resultType), .init("streams", \.streams),
        .init("cases", \.cases),
        .init("forwarding", \.forwarding),
    ]
}
