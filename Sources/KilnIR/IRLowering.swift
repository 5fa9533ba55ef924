import KilnDiagnostics
import KilnOpenAPI

/// Lowers a decoded OpenAPI document to the IR: the one place where Swift names are decided.
public enum IRLowering {
    public struct Result: Sendable {
        public var module: IRModule
        /// Warnings (and, when `module` is still usable, non-fatal errors) in spec order.
        public var diagnostics: [Diagnostic]
    }

    public static func lower(
        _ document: OpenAPIDocument, moduleName: String, options: LoweringOptions = LoweringOptions()
    ) throws(DiagnosticError) -> Result {
        var topNames = SwiftNamer.moduleTypeScope(moduleName: moduleName)
        let componentTypeNames = SwiftNamer.componentTypeNames(
            Array(document.components.schemas.keys), chosen: options.typeNames, moduleName: moduleName, scope: &topNames
        )
        var log = DiagnosticLog()
        let schemaNames = Set(document.components.schemas.keys)
        let overriddenSchemas = options.typeOverrides.keys.map { String($0.split(separator: ".").first ?? "") }.filter { $0 != "*" }
        for name in Set(options.typeNames.keys).union(overriddenSchemas).sorted() where !schemaNames.contains(name) {
            log.warning("the configuration names schema '\(name)', which is not in components.schemas", at: nil)
        }
        var schemas = SchemaLowering(
            document: document,
            componentTypeNames: componentTypeNames,
            log: log,
            topLevel: NestedTypeSink(qualifiedPrefix: "", names: topNames)
        )
        schemas.propertyTypeOverrides = options.typeOverrides.filter { $0.key.contains(".") }
        var types: [IRType] = []
        for (name, schema) in document.components.schemas.entries {
            if let userType = options.typeOverrides[name], let typeName = componentTypeNames[name] {
                types.append(overriddenType(typeName, userType: userType, schema: schema))
            } else if let type = schemas.lowerComponent(named: name, schema) {
                types.append(type)
            }
        }
        let securitySchemes = lowerSecuritySchemes(document, log: &schemas.log)
        var operations = OperationLowering(schemas: schemas, securitySchemeNames: Set(securitySchemes.map(\.name)))
        var irOperations = OperationCustomization.apply(options, to: operations.lowerAll(), log: &operations.schemas.log)
        schemas = operations.schemas
        types.append(contentsOf: schemas.topLevel.types)
        (types, irOperations) = NameCaptureResolution.resolving(types: types, operations: irOperations)
        types = RecursionAnalysis.markingIndirections(types)
        types = DefaultValueResolution.resolving(types, log: &schemas.log)
        try schemas.log.throwIfErrors()
        // Paging needs every type to see arrays behind aliases, and decides whether there is an `xPages` to name.
        let pagination = PaginationDecision(types: types, options: options.pagination)
        for index in irOperations.indices {
            irOperations[index].pagination = pagination.pagination(of: irOperations[index])
        }
        SwiftNamer.nameMethods(of: &irOperations, chosen: options.operationNames)
        DuplicateOperationIdCheck.report(irOperations, log: &schemas.log)

        let module = IRModule(
            title: document.info.title,
            version: document.info.version,
            description: document.info.description,
            servers: document.servers.enumerated().map { lowerServer($1, index: $0) },
            types: types,
            operations: irOperations,
            securitySchemes: securitySchemes
        )
        return Result(module: module, diagnostics: inDocumentOrder(schemas.log.diagnostics))
    }

    /// Diagnostics sorted by place (unplaced ones first), keeping the order of those at one place.
    private static func inDocumentOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            switch (lhs.element.location, rhs.element.location) {
            case let (left?, right?) where left != right: return left < right
            case (nil, _?): return true
            case (_?, nil): return false
            default: return lhs.offset < rhs.offset
            }
        }.map(\.element)
    }

    /// `typealias IdentityTraits = MyTraits`: the user's type stands wherever the schema is used.
    private static func overriddenType(_ typeName: String, userType: String, schema: Referenceable<Schema>) -> IRType {
        let source: SourceRef
        switch schema {
        case .reference(let reference): source = reference.source
        case .value(let value): source = value.source
        }
        return IRType(
            name: typeName, qualifiedName: typeName, sourceName: source.pointer,
            documentation: IRDocumentation(details: "Provided by the user's configuration (`typeOverrides`)."),
            kind: .alias(.named(userType)), location: source.location
        )
    }

    private static func lowerServer(_ server: Server, index: Int) -> IRServer {
        var names = SwiftNamer.memberScope()
        let variables = server.variables.entries.map { name, variable in
            IRServerVariable(
                name: name, swiftName: names.claim(SwiftNaming.memberName(name)), defaultValue: variable.defaultValue,
                enumValues: variable.enumValues, description: variable.description
            )
        }
        return IRServer(
            url: server.url, description: server.description, variables: variables, swiftName: SwiftNamer.serverName(at: index)
        )
    }

    private static func lowerSecuritySchemes(_ document: OpenAPIDocument, log: inout DiagnosticLog) -> [IRSecurityScheme] {
        var names = SwiftNamer.memberScope()
        return document.components.securitySchemes.entries.compactMap { name, scheme in
            guard let scheme = try? document.resolve(scheme) else { return nil }
            guard let kind = securityKind(scheme, log: &log) else { return nil }
            return IRSecurityScheme(
                name: name, swiftName: names.claim(SwiftNaming.memberName(name)), kind: kind,
                documentation: IRDocumentation(details: scheme.description)
            )
        }
    }

    private static func securityKind(_ scheme: SecurityScheme, log: inout DiagnosticLog) -> IRSecurityScheme.Kind? {
        switch scheme.kind {
        case .apiKey:
            guard let name = scheme.name, let location = scheme.location else {
                log.error("apiKey security scheme needs 'name' and 'in'", at: scheme.source.location)
                return nil
            }
            return .apiKey(name: name, location: location)
        case .http:
            switch scheme.scheme?.lowercased() {
            case "bearer": return .bearer
            case "basic": return .basic
            default:
                log.warning("HTTP authentication scheme '\(scheme.scheme ?? "")' is not supported; it is ignored", at: scheme.source.location)
                return nil
            }
        case .oauth2, .openIdConnect:
            // The client sends an access token obtained elsewhere.
            return .bearer
        case .mutualTLS:
            log.warning("mutualTLS is configured on the URLSession, not by the generated client; it is ignored", at: scheme.source.location)
            return nil
        }
    }
}

extension IRLowering {
    /// The whole front half of the pipeline: read, parse, decode and lower one spec file.
    public static func lower(
        specAt path: String, displayPath: String? = nil, moduleName: String, options: LoweringOptions = LoweringOptions()
    ) throws(DiagnosticError) -> Result {
        let decoded = try OpenAPILoader.load(path: path, displayPath: displayPath)
        var result: Result
        do {
            result = try lower(decoded.document, moduleName: moduleName, options: options)
        } catch {
            throw DiagnosticError(decoded.warnings + error.diagnostics)
        }
        result.diagnostics = decoded.warnings + result.diagnostics
        return result
    }
}
