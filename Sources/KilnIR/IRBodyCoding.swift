/// How a request or response body is written and read: decided once from its media type and Swift type.
public enum IRBodyCoding: Sendable, Hashable {
    case json
    case urlEncodedForm
    case multipartForm
    /// UTF-8 text into a `String`.
    case text
    /// The bytes as they are: an `HTTPBody` that streams them.
    case bytes

    /// A request body: forms by media type, then raw bytes and text by Swift type, else JSON
    /// (an `application/xml` object is still sent as JSON, labelled as written).
    static func ofRequest(_ mediaType: IRMediaType, type: IRTypeReference) -> IRBodyCoding {
        switch mediaType.kind {
        case .json: return .json
        case .urlEncodedForm: return .urlEncodedForm
        case .multipartForm: return .multipartForm
        case .plainText, .binary, .other:
            if type == .builtin(.data) || type == .builtin(.body) { return .bytes }
            if type == .builtin(.string) { return .text }
            return .json
        }
    }

    /// A response body: text for `text/*` strings, bytes for non-JSON `Data`, JSON otherwise.
    static func ofResponse(_ mediaType: IRMediaType, type: IRTypeReference) -> IRBodyCoding {
        if mediaType.isText, type == .builtin(.string) { return .text }
        if type == .builtin(.data) || type == .builtin(.body), !mediaType.isJSON { return .bytes }
        return .json
    }

    /// The case's name as templates compare it (`coding == "json"`); spelled out, since
    /// `String(describing:)` reflects on every call.
    public var name: String {
        switch self {
        case .json: return "json"
        case .urlEncodedForm: return "urlEncodedForm"
        case .multipartForm: return "multipartForm"
        case .text: return "text"
        case .bytes: return "bytes"
        }
    }

    /// The `Content-Type` the runtime writes for this coding unless told otherwise; `nil` for forms,
    /// whose runtime writes its own (with the multipart boundary).
    public var defaultContentType: String? {
        switch self {
        case .json: return "application/json"
        case .text: return "text/plain"
        case .bytes: return "application/octet-stream"
        case .urlEncodedForm, .multipartForm: return nil
        }
    }

    /// The media type to pass to the runtime: `nil` when the runtime's default is exactly what the spec wrote.
    public func explicitContentType(for mediaType: IRMediaType) -> String? {
        guard let defaultContentType, defaultContentType != mediaType.text else { return nil }
        return mediaType.text
    }
}
