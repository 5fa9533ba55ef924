/// One message for the user about their input, anchored where it can be acted on.
///
/// Diagnostics are values: every stage returns or throws them instead of printing, so the CLI,
/// the plugins and the tests decide how to show them.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: return 2
            case .warning: return 1
            case .note: return 0
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    public var message: String
    /// Where the problem is; `nil` only for problems that belong to no file (e.g. an unreadable path).
    public var location: SourceLocation?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation?) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    public static func error(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    public static func warning(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    public static func note(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.note, message, at: location)
    }

    /// `file:line:column: error: message`, understood by Xcode and editors.
    public var description: String {
        let prefix = location.map { "\($0): " } ?? "kiln: "
        return "\(prefix)\(severity.rawValue): \(message)"
    }
}
