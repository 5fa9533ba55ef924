import KilnDiagnostics
import KilnGenerator
import KilnIR
import KilnYAML

/// Reads `kiln-config.yaml` nodes into a `KilnConfiguration`, reporting every problem with its location.
struct ConfigurationReader {
    var log = DiagnosticLog()

    mutating func read(_ root: YAMLNode) -> KilnConfiguration {
        var configuration = KilnConfiguration()
        if root.isNull { return configuration }
        guard let mapping = mapping(root, "the configuration") else { return configuration }
        for entry in mapping.entries {
            let key = entry.key.scalar?.value ?? ""
            let value = entry.value
            switch key {
            case "moduleName": configuration.moduleName = identifier(value, key)
            case "accessModifier": configuration.accessModifier = oneOf(value, key, ["public", "package", "internal"])
            case "generate":
                configuration.parts = Set(strings(value, key).compactMap { part(from: $0, at: value.location) })
            case "layout":
                configuration.layout = oneOf(value, key, ["tree", "sharded"]).flatMap(GeneratorOptions.Layout.init)
            case "additionalImports": configuration.additionalImports = strings(value, key)
            case "filter": configuration.lowering.operationFilter = filter(value)
            case "naming": readNaming(value, into: &configuration.lowering)
            case "typeOverrides": configuration.lowering.typeOverrides = stringMap(value, key)
            case "pagination": configuration.lowering.pagination = pagination(value)
            case "eventStreams": configuration.lowering.eventStreamTerminator = eventStreamTerminator(value)
            case "transports": configuration.transports = transports(value)
            default: unknownKey(entry.key, allowed: KilnConfiguration.keys)
            }
        }
        return configuration
    }

    // MARK: Sections

    private mutating func filter(_ node: YAMLNode) -> OperationFilter {
        var filter = OperationFilter()
        guard let mapping = mapping(node, "'filter'") else { return filter }
        for entry in mapping.entries {
            let key = entry.key.scalar?.value ?? ""
            let values = Set(strings(entry.value, key))
            switch key {
            case "includeTags": filter.includeTags = values
            case "excludeTags": filter.excludeTags = values
            case "includeOperations": filter.includeOperations = values
            case "excludeOperations": filter.excludeOperations = values
            default: unknownKey(entry.key, allowed: ["includeTags", "excludeTags", "includeOperations", "excludeOperations"])
            }
        }
        return filter
    }

    private mutating func readNaming(_ node: YAMLNode, into options: inout LoweringOptions) {
        guard let mapping = mapping(node, "'naming'") else { return }
        for entry in mapping.entries {
            let key = entry.key.scalar?.value ?? ""
            switch key {
            case "types": options.typeNames = stringMap(entry.value, key)
            case "operations": options.operationNames = stringMap(entry.value, key)
            default: unknownKey(entry.key, allowed: ["types", "operations"])
            }
        }
    }

    /// `{terminator: "[DONE]"}`: the event data that ends every server-sent event stream.
    private mutating func eventStreamTerminator(_ node: YAMLNode) -> String? {
        guard let mapping = mapping(node, "'eventStreams'") else { return nil }
        var terminator: String?
        for entry in mapping.entries {
            let key = entry.key.scalar?.value ?? ""
            switch key {
            case "terminator": terminator = string(entry.value, key)
            default: unknownKey(entry.key, allowed: ["terminator"])
            }
        }
        return terminator
    }

    /// `{style: link, cursorParameter: page_token}`; both keys optional, with those defaults.
    private mutating func pagination(_ node: YAMLNode) -> PaginationOptions? {
        guard let mapping = mapping(node, "'pagination'") else { return nil }
        var options = PaginationOptions()
        for entry in mapping.entries {
            let key = entry.key.scalar?.value ?? ""
            switch key {
            case "style":
                let styles = IRPagination.Style.allCases.map(\.rawValue)
                if let style = oneOf(entry.value, key, styles).flatMap(IRPagination.Style.init) { options.style = style }
            case "cursorParameter":
                if let name = string(entry.value, key) { options.cursorParameter = name }
            default: unknownKey(entry.key, allowed: ["style", "cursorParameter"])
            }
        }
        return options
    }

    /// `[urlSession, asyncHTTPClient]`: at least one, each reported where it is when unknown.
    private mutating func transports(_ node: YAMLNode) -> Set<GeneratorOptions.Transport>? {
        let allowed = GeneratorOptions.Transport.allCases.map(\.rawValue)
        guard let items = node.sequence, !items.isEmpty else {
            let found = node.sequence == nil ? ", found \(node.kindDescription)" : ""
            log.error("'transports' must list at least one of \(allowed.joined(separator: ", "))\(found)", at: node.location)
            return nil
        }
        var transports: Set<GeneratorOptions.Transport> = []
        for item in items {
            guard let text = string(item, "transports") else { continue }
            guard let transport = GeneratorOptions.Transport(rawValue: text) else {
                let suggestion = SpellingSuggestion.didYouMean(text, among: allowed)
                log.error("'transports' lists '\(text)'; expected \(allowed.joined(separator: ", "))\(suggestion)", at: item.location)
                continue
            }
            transports.insert(transport)
        }
        return transports.isEmpty ? nil : transports
    }

    private mutating func part(from text: String, at location: SourceLocation) -> GeneratorOptions.Part? {
        guard let part = GeneratorOptions.Part(rawValue: text) else {
            log.error("'generate' lists '\(text)'; expected \(GeneratorOptions.Part.allCases.map(\.rawValue).joined(separator: ", "))", at: location)
            return nil
        }
        return part
    }

    // MARK: Values

    private mutating func mapping(_ node: YAMLNode, _ what: String) -> YAMLMapping? {
        guard let mapping = node.mapping else {
            log.error("\(what) must be a mapping, found \(node.kindDescription)", at: node.location)
            return nil
        }
        return mapping
    }

    private mutating func string(_ node: YAMLNode, _ key: String) -> String? {
        guard let text = node.string, node.scalar != nil else {
            log.error("'\(key)' must be a string, found \(node.kindDescription)", at: node.location)
            return nil
        }
        return text
    }

    private mutating func identifier(_ node: YAMLNode, _ key: String) -> String? {
        guard let text = string(node, key) else { return nil }
        guard SwiftNaming.typeName(text) == text || SwiftNaming.memberName(text) == text else {
            log.error("'\(key)' must be a Swift identifier, found '\(text)'", at: node.location)
            return nil
        }
        return text
    }

    private mutating func oneOf(_ node: YAMLNode, _ key: String, _ allowed: [String]) -> String? {
        guard let text = string(node, key) else { return nil }
        guard allowed.contains(text) else {
            log.error("'\(key)' must be one of \(allowed.joined(separator: ", ")), found '\(text)'", at: node.location)
            return nil
        }
        return text
    }

    private mutating func strings(_ node: YAMLNode, _ key: String) -> [String] {
        guard let items = node.sequence else {
            log.error("'\(key)' must be a list of strings, found \(node.kindDescription)", at: node.location)
            return []
        }
        return items.compactMap { string($0, key) }
    }

    private mutating func stringMap(_ node: YAMLNode, _ key: String) -> [String: String] {
        guard let mapping = mapping(node, "'\(key)'") else { return [:] }
        var result: [String: String] = [:]
        for entry in mapping.entries {
            if let name = entry.key.scalar?.value, let value = string(entry.value, "\(key).\(name)") {
                result[name] = value
            }
        }
        return result
    }

    private mutating func unknownKey(_ key: YAMLNode, allowed: [String]) {
        let name = key.scalar?.value ?? key.kindDescription
        log.error("unknown configuration key '\(name)'; expected one of \(allowed.joined(separator: ", "))", at: key.location)
    }
}
