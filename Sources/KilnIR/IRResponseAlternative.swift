/// A response's body in another media type than the one its case reads (`text/event-stream` next
/// to `application/json`, say): a case of its own, chosen when the answer's `Content-Type` is this
/// type, and a client method that asks for it.
public struct IRResponseAlternative: Sendable, Hashable {
    public var mediaType: IRMediaType
    public var bodyType: IRTypeReference
    public var coding: IRBodyCoding
    /// Set for event streams and JSON Lines, read as they arrive; other types are read whole.
    public var stream: IRResponseStream?
    /// The case of `Operations.X.Response` (`okEventStream`), unescaped; given by `SwiftNamer`.
    public var caseName: String = ""
    /// What the media type adds to names: `EventStream`, `JSONLines`, `Text`, `Bytes`, `Xml`; given by `SwiftNamer`.
    public var nameSuffix: String = ""

    public init(mediaType: IRMediaType, bodyType: IRTypeReference, stream: IRResponseStream?) {
        self.mediaType = mediaType
        self.bodyType = bodyType
        self.coding = IRBodyCoding.ofResponse(mediaType, type: bodyType)
        self.stream = stream
    }
}
