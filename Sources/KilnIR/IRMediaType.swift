/// A media type as a spec writes it, classified once: what kind of content it names, and its base type.
public struct IRMediaType: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// `application/json`, any `+json` type, with or without parameters.
        case json
        case urlEncodedForm
        case multipartForm
        /// `text/plain`; other `text/*` types are `.other` with `isText`.
        case plainText
        /// `application/octet-stream`.
        case binary
        case other
    }

    /// As written, parameters included (`application/json; charset=utf-8`): what goes into `Content-Type`.
    public let text: String
    /// Lower-cased, without parameters: `application/json`.
    public let base: String
    public let kind: Kind

    public init(_ text: String) {
        self.text = text
        let beforeParameters = text.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        base = String(beforeParameters).trimmingWhitespaceAndNewlines.lowercased()
        kind = Self.kind(ofBase: base)
    }

    private static func kind(ofBase base: String) -> Kind {
        switch base {
        case "application/json": return .json
        case "application/x-www-form-urlencoded": return .urlEncodedForm
        case "multipart/form-data": return .multipartForm
        case "text/plain": return .plainText
        case "application/octet-stream": return .binary
        default: return base.hasSuffix("+json") ? .json : .other
        }
    }

    public var isJSON: Bool { kind == .json }

    /// `text/event-stream`: server-sent events, read as they arrive.
    public var isEventStream: Bool { base == "text/event-stream" }

    /// JSON Lines, NDJSON or JSON text sequences: one JSON value per record, read as they arrive.
    public var isJSONLines: Bool {
        ["application/jsonl", "application/x-jsonlines", "application/x-ndjson", "application/json-seq"].contains(base)
    }

    /// Any `text/*` type: its body is a `String`.
    public var isText: Bool { base.hasPrefix("text/") }

    /// `csv` for `text/csv`: what is left to name content of an `.other` kind by.
    public var subtype: String {
        base.split(separator: "/").last.map(String.init) ?? base
    }
}
