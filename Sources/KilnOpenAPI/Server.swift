/// A `servers` entry: a URL template and its variables.
public struct Server: Sendable {
    public struct Variable: Sendable {
        public var defaultValue: String
        public var enumValues: [String]
        public var description: String?

        public init(defaultValue: String, enumValues: [String] = [], description: String? = nil) {
            self.defaultValue = defaultValue
            self.enumValues = enumValues
            self.description = description
        }
    }

    public var url: String
    public var description: String?
    public var variables: OrderedMap<Variable>
    public var source: SourceRef

    public init(url: String, description: String? = nil, variables: OrderedMap<Variable> = .init(), source: SourceRef) {
        self.url = url
        self.description = description
        self.variables = variables
        self.source = source
    }
}
