/// A closed set of string or integer values, generated as an enum with an unknown-value case.
public struct IREnumeration: Sendable, Hashable {
    public enum RawType: String, Sendable, Hashable {
        case string = "String"
        case int = "Int"
        case double = "Double"
    }

    public struct Case: Sendable, Hashable {
        /// Swift case name, unescaped.
        public var swiftName: String
        /// The raw value as Swift source text of the raw type (a string's contents, unescaped, or an integer).
        public var rawValue: String
        public var documentation: IRDocumentation

        public init(swiftName: String, rawValue: String, documentation: IRDocumentation = .init()) {
            self.swiftName = swiftName
            self.rawValue = rawValue
            self.documentation = documentation
        }
    }

    public var rawType: RawType
    public var cases: [Case]
    /// Name of the case that keeps values this client does not know (normally `unknown`).
    public var unknownCaseName: String

    public init(rawType: RawType, cases: [Case], unknownCaseName: String) {
        self.rawType = rawType
        self.cases = cases
        self.unknownCaseName = unknownCaseName
    }
}
