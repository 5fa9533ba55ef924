/// A response body the client reads as it arrives: server-sent events, JSON records, or bytes.
public struct IRResponseStream: Sendable, Hashable {
    public enum Format: Sendable, Hashable {
        /// `text/event-stream`: each event's `data` is one payload.
        case serverSentEvents
        /// JSON Lines, NDJSON or JSON text sequences: each record is one payload.
        case jsonRecords
        /// Binary content (`application/octet-stream`, `format: binary`, images…): the bytes as
        /// they arrive, an `HTTPBody` the caller streams, writes to a file or collects.
        case bytes
    }

    public var format: Format
    /// What each event's data or each record decodes to: the media type's schema, which describes
    /// one item (an event stream has no schema of its own), `JSONValue` without one; `Data` for bytes.
    public var payload: IRTypeReference

    public init(format: Format, payload: IRTypeReference) {
        self.format = format
        self.payload = payload
    }
}
