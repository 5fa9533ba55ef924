/// The key of a documented response: an exact code, a range like `4XX`, or `default`.
public enum IRResponseStatus: Sendable, Hashable {
    case code(Int)
    /// `4XX`: the first digit, 1 to 5.
    case range(Int)
    case `default`

    /// Reads a response key; `nil` for a key that is none of the three (the decoder warned about it).
    public init?(_ key: String) {
        if key == "default" {
            self = .default
            return
        }
        if let code = Int(key), (100...599).contains(code) {
            self = .code(code)
            return
        }
        let bytes = Array(key.utf8)
        let isX = { (byte: UInt8) in byte == UInt8(ascii: "X") || byte == UInt8(ascii: "x") }
        guard bytes.count == 3, isX(bytes[1]), isX(bytes[2]),
              (UInt8(ascii: "1")...UInt8(ascii: "5")).contains(bytes[0])
        else { return nil }
        self = .range(Int(bytes[0] - UInt8(ascii: "0")))
    }

    /// 2xx statuses are what the convenience method returns; `default` never counts as success.
    /// 204 No Content, 205 Reset Content and 304 Not Modified, whose responses have no body (RFC 9110).
    public var forbidsBody: Bool {
        if case .code(let code) = self { return code == 204 || code == 205 || code == 304 }
        return false
    }

    public var isSuccess: Bool {
        switch self {
        case .code(let code): return (200..<300).contains(code)
        case .range(let digit): return digit == 2
        case .default: return false
        }
    }

    /// Where a status sits in a `switch response.statusCode`: exact codes before ranges before `default`.
    public var matchPrecedence: Int {
        switch self {
        case .code: return 0
        case .range: return 1
        case .default: return 2
        }
    }

    /// `200`, `4XX`, `default`: the status for documentation.
    public var text: String {
        switch self {
        case .code(let code): return String(code)
        case .range(let digit): return "\(digit)XX"
        case .default: return "default"
        }
    }
}
