import KilnDiagnostics
import KilnIR
import KilnTemplates

/// Renders an IR module into Swift files through the templates: the back half of the pipeline.
public final class ClientGenerator {
    private let options: GeneratorOptions
    private let environment: TemplateEnvironment
    /// Context every template sees: access modifier, module and spec names.
    private var baseContext: [String: TemplateValue] = [:]

    public init(options: GeneratorOptions) {
        self.options = options
        self.environment = TemplateEnvironment(loader: Self.templateLoader(options), filters: SwiftSyntaxFilters.all)
    }

    /// User templates (if any) first, the built-in ones embedded in the binary second.
    private static func templateLoader(_ options: GeneratorOptions) -> any TemplateLoader {
        let builtIn = DictionaryTemplateLoader(EmbeddedTemplates.all, displayPrefix: "Templates/")
        guard let directory = options.templatesDirectory else { return builtIn }
        return ChainTemplateLoader([DirectoryTemplateLoader(directory: directory), builtIn])
    }

    /// The names of the built-in templates, for `kiln templates` style listings and tests.
    public static var builtInTemplateNames: [String] { EmbeddedTemplates.all.keys.sorted() }

    public static func builtInTemplate(named name: String) -> String? { EmbeddedTemplates.all[name] }

    public func generate(_ module: IRModule, specFileName: String) throws(DiagnosticError) -> [GeneratedFile] {
        let moduleSummary = moduleView(module)
        baseContext = [
            "access": .string(options.accessModifier),
            "moduleName": .string(options.moduleName),
            "specFileName": .string(specFileName),
            "needsNetworking": .bool(false),
            "additionalImports": .array(options.additionalImports.map(TemplateValue.string)),
            "module": moduleSummary.templateValue,
        ]
        let file = FileContext(
            access: options.accessModifier, moduleName: options.moduleName, specFileName: specFileName,
            additionalImports: options.additionalImports, module: moduleSummary
        )
        var files: [GeneratedFile] = []
        files += try supportFiles(streamsResponses: module.streamsResponses)
        files += try clientFiles(module, file: file)
        if options.parts.contains(.server) {
            files += try serverFiles(module)
        }
        files += try modelFiles(module)
        return FileNaming.deduplicated(files)
    }

    // MARK: Files

    private static let supportTemplates = [
        "JSONValue", "JSONCoding", "HTTPTransport", "APIError", "RequestBuilder", "Indirect",
        "ParameterEncoder", "ClientMiddleware", "PageSequence", "RequestValidation",
    ]

    private func supportFiles(streamsResponses: Bool) throws(DiagnosticError) -> [GeneratedFile] {
        var files: [GeneratedFile] = []
        for name in Self.supportTemplates + (streamsResponses ? ["EventStreams"] : []) {
            let contents = try render("Support.\(name).swift.stencil", [:])
            files.append(GeneratedFile(path: "Support/\(name).swift", contents: contents))
        }
        return files
    }

    private func clientFiles(_ module: IRModule, file: FileContext) throws(DiagnosticError) -> [GeneratedFile] {
        var files = [
            GeneratedFile(path: "Client/Client.swift", contents: try render("Client.swift.stencil", clientView(module, file: file))),
            GeneratedFile(path: "Client/Operations.swift", contents: try render("OperationNamespace.swift.stencil", SupportFileView(file: file))),
        ]
        let typesByName = [String: IRType].byQualifiedName(module.types)
        let validation = RequestValidationBuilder(typesByName: typesByName, operations: module.operations)
        let builder = OperationContextBuilder(
            typesByName: typesByName,
            moduleName: options.moduleName,
            operationTypeNames: Set(module.operations.map(\.typeName)),
            validation: validation
        )
        // Methods and the `Operations.X` types of a tag go to separate files, which compile in parallel.
        var readmeGroups: [ReadmeGroupView] = []
        for group in OperationGroup.grouped(module.operations) {
            let operations = group.operations.map(builder.view)
            let model = OperationGroupFileView(file: file, group: OperationGroupView(name: group.name, doc: nil), operations: operations)
            // Both files render the same model: convert it to template values once.
            let context = model.templateContext
            files.append(GeneratedFile(path: "Client/Client+\(group.name).swift", contents: try render("Operations.swift.stencil", context)))
            files.append(GeneratedFile(path: "Client/Operations+\(group.name).swift", contents: try render("OperationTypes.swift.stencil", context)))
            let rows = zip(group.operations, operations).map { ModuleReadme.operationView($0, selector: $1.selector) }
            readmeGroups.append(ReadmeGroupView(name: group.name, operations: rows))
        }
        let conformances = RequestBodyValidationFileView(file: file, conformances: validation.conformances())
        files.append(GeneratedFile(path: "Client/RequestBodyValidation.swift", contents: try render("RequestBodyValidation.swift.stencil", conformances)))
        let readme = ModuleReadme.view(module, file: file, groups: readmeGroups, includesServer: options.parts.contains(.server))
        files.append(GeneratedFile(path: "README.md", contents: try render("README.md.stencil", readme)))
        return files
    }

    /// The server side: the handler protocol, the router, and per tag the `Operations.X.Input`
    /// structs with their reading from a request and the writing of `Operations.X.Response`.
    private func serverFiles(_ module: IRModule) throws(DiagnosticError) -> [GeneratedFile] {
        let typesByName = [String: IRType].byQualifiedName(module.types)
        let builder = ServerContextBuilder(
            typesByName: typesByName,
            operationBuilder: OperationContextBuilder(
                typesByName: typesByName, moduleName: options.moduleName,
                operationTypeNames: Set(module.operations.map(\.typeName))
            )
        )
        let all: [String: TemplateValue] = ["operations": .array(module.operations.map(builder.context))]
        var files = [
            GeneratedFile(path: "Server/APIHandler.swift", contents: try render("Server.APIHandler.swift.stencil", all)),
            GeneratedFile(path: "Server/Router.swift", contents: try render("Server.Router.swift.stencil", all)),
            GeneratedFile(path: "Server/ServerRuntime.swift", contents: try render("Server.Runtime.swift.stencil", [:])),
            GeneratedFile(path: "Server/FormDecoder.swift", contents: try render("Server.FormDecoder.swift.stencil", [:])),
            GeneratedFile(
                path: "Server/InProcessTransport.swift", contents: try render("Server.InProcessTransport.swift.stencil", [:])
            ),
        ]
        for group in OperationGroup.grouped(module.operations) {
            let context: [String: TemplateValue] = ["operations": .array(group.operations.map(builder.context))]
            files.append(
                GeneratedFile(path: "Server/Server+\(group.name).swift", contents: try render("Server.Operations.swift.stencil", context))
            )
        }
        return files
    }

    private func modelFiles(_ module: IRModule) throws(DiagnosticError) -> [GeneratedFile] {
        var files: [GeneratedFile] = []
        for type in module.types {
            let declaration = try renderDeclaration(type)
            let context: [String: TemplateValue] = ["declaration": .string(declaration), "sourceName": .string(type.sourceName)]
            let contents = try render("ModelFile.swift.stencil", context)
            files.append(GeneratedFile(path: "Models/\(type.name).swift", contents: contents))
        }
        return files
    }

    // MARK: Rendering

    /// A type's declaration, with its nested types rendered first and indented inside it.
    private func renderDeclaration(_ type: IRType) throws(DiagnosticError) -> String {
        var nested: [String] = []
        for nestedType in type.nestedTypes {
            nested.append(Self.indented(try renderDeclaration(nestedType), by: 4))
        }
        let context = TypeContextBuilder.context(for: type, nestedDeclarations: nested.joined(separator: "\n\n"))
        let text = try render(TypeContextBuilder.templateName(for: type.kind), ["type": context])
        return text.trailingNewlinesTrimmed
    }

    private func render(_ templateName: String, _ context: [String: TemplateValue]) throws(DiagnosticError) -> String {
        let merged = baseContext.merging(context, uniquingKeysWith: { $1 })
        let text = try environment.render(templateNamed: templateName, context: merged)
        return text.trailingNewlinesTrimmed + "\n"
    }

    private func render(_ templateName: String, _ model: some TemplateViewModel) throws(DiagnosticError) -> String {
        let text = try environment.render(templateNamed: templateName, model: model)
        return text.trailingNewlinesTrimmed + "\n"
    }

    static func indented(_ text: String, by count: Int) -> String {
        let padding = String(repeating: " ", count: count)
        return SwiftSyntaxFilters.utf8Lines(text)
            .map { $0.isEmpty ? "" : padding + $0 }
            .joined(separator: "\n")
    }

    // MARK: Module-wide contexts

    private func moduleView(_ module: IRModule) -> ModuleView {
        ModuleView(
            title: module.title,
            version: module.version,
            doc: module.description.map { $0.trailingNewlinesTrimmed },
            servers: module.servers.map { ServerSummaryView(name: $0.swiftName, url: $0.url, doc: $0.description) }
        )
    }

    private func clientView(_ module: IRModule, file: FileContext) -> ClientFileView {
        let schemes = module.securitySchemes.map(Self.securitySchemeView)
        let arguments = schemes.map { scheme in
            ArgumentView(label: scheme.property, internalName: nil, type: scheme.valueType, isOptional: true)
        }
        return ClientFileView(
            file: file,
            servers: module.servers.map(Self.serverView),
            securitySchemes: schemes,
            authenticationArguments: ArgumentListView(arguments),
            hasBasicAuthentication: module.securitySchemes.contains { $0.kind == .basic }
        )
    }

    /// `static let serverN` with the defaults substituted, and `static func serverN(…)` when templated.
    private static func serverView(_ server: IRServer) -> ServerView {
        var variables: [ServerVariableView] = []
        var parameterLines: [String] = []
        for variable in server.variables {
            let name = SwiftNaming.escaped(variable.swiftName)
            variables.append(ServerVariableView(
                name: name, placeholder: "{\(variable.name)}", defaultValue: variable.defaultValue, allowedValues: variable.enumValues
            ))
            var text = variable.description?.trimmedDescription ?? ""
            if !variable.enumValues.isEmpty {
                text += (text.isEmpty ? "" : " ") + "One of " + variable.enumValues.map { "`\($0)`" }.joined(separator: ", ") + "."
            }
            parameterLines.append("  - \(name): " + (text.isEmpty ? "The `\(variable.name)` variable." : text))
        }
        // Each parameter is `name: String = "default"`: the name, eleven characters, the literal.
        let widths = variables.map { $0.name.count + 11 + SwiftSyntaxFilters.swiftStringLiteral($0.defaultValue).count }
        return ServerView(
            name: server.swiftName,
            url: server.defaultURL,
            template: server.url,
            doc: server.description,
            variables: variables,
            argumentsWrap: ArgumentListView.exceedsInlineWidth(widths),
            variablesDoc: "- Parameters:\n" + parameterLines.joined(separator: "\n")
        )
    }

    private static func securitySchemeView(_ scheme: IRSecurityScheme) -> SecuritySchemeView {
        var location: String?
        var keyName: String?
        let kind: String
        let usage: String
        switch scheme.kind {
        case .apiKey(let name, let keyLocation):
            kind = "apiKey"
            location = keyLocation
            keyName = name
            let place = keyLocation == "header" ? "header" : keyLocation == "query" ? "query parameter" : "cookie"
            usage = "Sent as is in the `\(name)` \(place)."
        case .bearer:
            kind = "bearer"
            usage = "A token sent as `Authorization: Bearer <token>`."
        case .basic:
            kind = "basic"
            usage = "Sent as `Authorization: Basic …`."
        }
        let description = scheme.documentation.text.map { $0 + "\n\n" } ?? ""
        return SecuritySchemeView(
            name: scheme.name,
            property: SwiftNaming.escaped(scheme.swiftName),
            valueType: .named(scheme.kind == .basic ? "BasicCredentials" : "String"),
            kind: kind,
            location: location,
            keyName: keyName,
            doc: "`\(scheme.name)`: " + description + usage
        )
    }
}

extension String {
    var trailingNewlinesTrimmed: String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
