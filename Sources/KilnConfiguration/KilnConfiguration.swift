import KilnDiagnostics
import KilnGenerator
import KilnIR
import KilnYAML

/// `kiln-config.yaml`: the settings of a generation, every key optional. See README "Configuration".
///
/// Unknown keys are errors, so a misspelt setting is reported instead of silently ignored.
public struct KilnConfiguration: Sendable, Hashable {
    public var moduleName: String?
    public var accessModifier: String?
    public var parts: Set<GeneratorOptions.Part>?
    public var layout: GeneratorOptions.Layout?
    public var additionalImports: [String] = []
    /// `transports`: the `HTTPTransport`s emitted; `nil` when the file does not say.
    public var transports: Set<GeneratorOptions.Transport>?
    public var lowering = LoweringOptions()

    public init() {}

    public static let keys: [String] = [
        "moduleName", "accessModifier", "generate", "layout", "additionalImports", "filter", "naming", "typeOverrides",
        "pagination", "eventStreams", "transports",
    ]

    public static func load(path: String, displayPath: String? = nil) throws(DiagnosticError) -> KilnConfiguration {
        let document = try YAMLParser.parse(contentsOfFile: path, displayPath: displayPath ?? path)
        return try decode(document.root)
    }

    public static func decode(_ root: YAMLNode) throws(DiagnosticError) -> KilnConfiguration {
        var reader = ConfigurationReader()
        let configuration = reader.read(root)
        try reader.log.throwIfErrors()
        return configuration
    }

    /// Applies this configuration over options from the command line: explicit flags win.
    public func applied(to options: GeneratorOptions, explicitlySet: Set<String>) -> GeneratorOptions {
        var result = options
        if let moduleName, !explicitlySet.contains("moduleName") { result.moduleName = moduleName }
        if let accessModifier, !explicitlySet.contains("accessModifier") { result.accessModifier = accessModifier }
        if let parts { result.parts = parts }
        if let layout, !explicitlySet.contains("layout") { result.layout = layout }
        if let transports, !explicitlySet.contains("transports") { result.transports = transports }
        result.additionalImports += additionalImports.filter { !result.additionalImports.contains($0) }
        result.lowering.typeNames.merge(lowering.typeNames) { flag, _ in flag }
        result.lowering.typeOverrides.merge(lowering.typeOverrides) { flag, _ in flag }
        result.lowering.operationNames.merge(lowering.operationNames) { flag, _ in flag }
        result.lowering.operationFilter.includeTags.formUnion(lowering.operationFilter.includeTags)
        result.lowering.operationFilter.excludeTags.formUnion(lowering.operationFilter.excludeTags)
        result.lowering.operationFilter.includeOperations.formUnion(lowering.operationFilter.includeOperations)
        result.lowering.operationFilter.excludeOperations.formUnion(lowering.operationFilter.excludeOperations)
        if result.lowering.pagination == nil { result.lowering.pagination = lowering.pagination }
        if result.lowering.eventStreamTerminator == nil { result.lowering.eventStreamTerminator = lowering.eventStreamTerminator }
        return result
    }
}
