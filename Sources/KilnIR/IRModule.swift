import KilnDiagnostics

/// Everything the generator needs to emit one Swift module, with every name already decided.
public struct IRModule: Sendable {
    public var title: String
    public var version: String
    public var description: String?
    /// `servers` entries, first is the default.
    public var servers: [IRServer]
    /// Top-level types in a deterministic order (components in document order, then inline types).
    public var types: [IRType]
    /// Operations in document order (paths, then methods as written).
    public var operations: [IROperation]
    public var securitySchemes: [IRSecurityScheme]

    public init(
        title: String, version: String, description: String?, servers: [IRServer], types: [IRType],
        operations: [IROperation], securitySchemes: [IRSecurityScheme]
    ) {
        self.title = title
        self.version = version
        self.description = description
        self.servers = servers
        self.types = types
        self.operations = operations
        self.securitySchemes = securitySchemes
    }
}

extension IRModule {
    /// Whether a response is a stream of events or JSON records, for which the support code that
    /// reads them as they arrive is generated.
    public var streamsResponses: Bool {
        operations.contains { operation in
            operation.responses.contains { response in
                let formats = [response.stream?.format] + response.alternatives.map(\.stream?.format)
                return formats.contains(.serverSentEvents) || formats.contains(.jsonRecords)
            }
        }
    }
}

public struct IRServer: Sendable, Hashable {
    /// The URL template as written, e.g. `https://{region}.example.com/v1`.
    public var url: String
    public var description: String?
    /// The template's variables, in spec order.
    public var variables: [IRServerVariable]
    /// The name of its `Client.Servers` member (`server1`), unescaped; given by `SwiftNamer`.
    public var swiftName: String

    public init(url: String, description: String?, variables: [IRServerVariable] = [], swiftName: String) {
        self.url = url
        self.description = description
        self.variables = variables
        self.swiftName = swiftName
    }

    /// The URL with every variable replaced by its default.
    public var defaultURL: String {
        var text = url
        for variable in variables {
            text = text.replacing("{\(variable.name)}", with: variable.defaultValue)
        }
        return text
    }
}

/// A `{name}` in a server URL template.
public struct IRServerVariable: Sendable, Hashable {
    public var name: String
    /// The Swift parameter name, unescaped.
    public var swiftName: String
    public var defaultValue: String
    /// The allowed values; empty when any value is allowed.
    public var enumValues: [String]
    public var description: String?

    public init(name: String, swiftName: String, defaultValue: String, enumValues: [String], description: String?) {
        self.name = name
        self.swiftName = swiftName
        self.defaultValue = defaultValue
        self.enumValues = enumValues
        self.description = description
    }
}
