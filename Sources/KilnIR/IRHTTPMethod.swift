import KilnOpenAPI

/// The HTTP method of an operation; `rawValue` is the upper-case spelling requests and docs use.
public enum IRHTTPMethod: String, Sendable, Hashable, CaseIterable {
    case get = "GET"
    case put = "PUT"
    case post = "POST"
    case delete = "DELETE"
    case options = "OPTIONS"
    case head = "HEAD"
    case patch = "PATCH"
    case trace = "TRACE"

    init(_ method: HTTPMethod) {
        switch method {
        case .get: self = .get
        case .put: self = .put
        case .post: self = .post
        case .delete: self = .delete
        case .options: self = .options
        case .head: self = .head
        case .patch: self = .patch
        case .trace: self = .trace
        }
    }
}

extension IRHTTPMethod: CustomStringConvertible {
    /// `GET`: interpolated into paths in docs (`GET /pets`).
    public var description: String { rawValue }
}
