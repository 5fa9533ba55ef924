import KilnDiagnostics
import KilnIR
import KilnTemplates

/// Renders an IR module into Swift files through the templates: the back half of the pipeline.
public final class ClientGenerator {
    private let options: GeneratorOptions
    private let environment: TemplateEnvironment

    public init(options: GeneratorOptions) {
        self.options = options
        self.environment = GeneratorTemplates.environment(templatesDirectory: options.templatesDirectory)
    }

    /// The names of the built-in templates, for `kiln templates` style listings and tests.
    public static var builtInTemplateNames: [String] { EmbeddedTemplates.all.keys.sorted() }

    public static func builtInTemplate(named name: String) -> String? { EmbeddedTemplates.all[name] }

    public func generate(_ module: IRModule, specFileName: String) throws(DiagnosticError) -> [GeneratedFile] {
        var files: [GeneratedFile] = []
        try generate(module, specFileName: specFileName) { file throws(DiagnosticError) in files.append(file) }
        return files
    }

    /// Renders the module file by file, handing each file to `emit` as soon as it is final: in the
    /// tree layout right after rendering (so a caller writing them holds one file at a time), in
    /// the sharded layout once every part is rendered and packed.
    public func generate(
        _ module: IRModule, specFileName: String, emit: (GeneratedFile) throws(DiagnosticError) -> Void
    ) throws(DiagnosticError) {
        // The same context, typed, for the templates that render view models.
        let fileContext = FileContextBuilder.make(options: options, specFileName: specFileName, module: module)
        // A user's template that names a member its model lacks fails here, before anything renders.
        if let templatesDirectory = options.templatesDirectory {
            try TemplateCatalog.checkAll(templatesDirectory: templatesDirectory)
        }
        var naming = FileNaming()
        var shardParts: [GeneratedPart] = []
        func add(_ part: GeneratedPart) throws(DiagnosticError) {
            let named = naming.unique(part)
            switch options.layout {
            case .tree: try emit(named.file)
            case .sharded: shardParts.append(named)
            }
        }
        // Which parts to render is decided here, before anything is rendered.
        // The mock alone compiles against the client's module, which holds the support code.
        if !options.parts.isSubset(of: [.mocks]) {
            try supportFiles(fileContext, streamsResponses: module.streamsResponses, into: add)
        }
        if options.parts.contains(.client) {
            try clientFiles(module, file: fileContext) { file throws(DiagnosticError) in try add(GeneratedPart(clientFile: file)) }
        }
        if options.parts.contains(.server) {
            try serverFiles(module, fileContext, into: add)
        }
        if options.parts.contains(.models) {
            try modelFiles(module, fileContext, into: add)
        }
        if options.layout == .sharded, !shardParts.isEmpty {
            for file in ShardedLayout.pack(shardParts, header: try shardHeaders(fileContext)) { try emit(file) }
        }
        // The mock is one file in either layout, in a folder of its own: it compiles in another module.
        if options.parts.contains(.mocks) {
            try emit(try mockFile(module, fileContext))
        }
    }

    // MARK: Files

    /// The runtime every part uses; the two that use `URLSession` import FoundationNetworking (when
    /// `URLSessionTransport` is emitted: the rest of them needs nothing of it).
    private static let supportTemplates: [(name: String, needsNetworking: Bool)] = [
        ("JSONValue", false), ("JSONCoding", false), ("HTTPBody", false), ("HTTPTransport", true), ("APIError", false),
        ("RequestBuilder", false), ("Indirect", false), ("ParameterEncoder", false), ("ClientMiddleware", true),
        ("PageSequence", false), ("RequestValidation", false),
    ]

    private func supportFiles(
        _ fileContext: FileContext, streamsResponses: Bool, into add: (GeneratedPart) throws(DiagnosticError) -> Void
    ) throws(DiagnosticError) {
        let includesURLSession = options.transports.contains(.urlSession)
        // Reading streamed responses as they arrive is needed only where a response streams.
        for (name, needsNetworking) in Self.supportTemplates + (streamsResponses ? [("EventStreams", false)] : []) {
            try add(try supportFile(name, fileContext, HeaderNeeds(networking: needsNetworking && includesURLSession)))
        }
        // Last, so that the files every module has keep their order whatever the transports.
        if options.transports.contains(.asyncHTTPClient) {
            try add(try supportFile("AsyncHTTPClientTransport", fileContext, HeaderNeeds(asyncHTTPClient: true)))
        }
    }

    /// `Support/NAME.swift` from `Support.NAME.swift.stencil`, its header importing what `needs` says.
    private func supportFile(_ name: String, _ fileContext: FileContext, _ needs: HeaderNeeds) throws(DiagnosticError) -> GeneratedPart {
        var file = fileContext
        file.headerNeeds = needs
        let view = SupportFileView(file: file, includesURLSession: options.transports.contains(.urlSession))
        let contents = try render("Support.\(name).swift.stencil", view)
        return GeneratedPart(path: "Support/\(name).swift", contents: contents, shard: .support, headerNeeds: needs)
    }

    /// The sharded layout's header for each combination of imports, each rendered once.
    private func shardHeaders(_ fileContext: FileContext) throws(DiagnosticError) -> ShardedLayout.Headers {
        var texts: [HeaderNeeds: String] = [:]
        for needs in HeaderNeeds.all {
            var file = fileContext
            file.includesHeader = true
            file.headerNeeds = needs
            texts[needs] = try render("FileHeader.stencil", SupportFileView(file: file))
        }
        return ShardedLayout.Headers(texts: texts)
    }

    private func clientFiles(
        _ module: IRModule, file: FileContext, into add: (GeneratedFile) throws(DiagnosticError) -> Void
    ) throws(DiagnosticError) {
        try add(GeneratedFile(path: "Client/Client.swift", contents: try render("Client.swift.stencil", clientView(module, file: file))))
        try add(GeneratedFile(path: "Client/Operations.swift", contents: try render("OperationNamespace.swift.stencil", SupportFileView(file: file))))
        let typesByName = [String: IRType].byQualifiedName(module.types)
        let validation = RequestValidationBuilder(typesByName: typesByName, operations: module.operations)
        let builder = OperationContextBuilder(
            typesByName: typesByName,
            moduleName: options.moduleName,
            operationTypeNames: Set(module.operations.map(\.typeName)),
            validation: validation,
            eventStreamTerminator: options.lowering.eventStreamTerminator
        )
        // Methods and the `Operations.X` types of a tag go to separate files, which compile in parallel.
        var readmeGroups: [ReadmeGroupView] = []
        for group in OperationGroup.grouped(module.operations) {
            let operations = group.operations.map(builder.view)
            let model = OperationGroupFileView(file: file, group: OperationGroupView(name: group.name, doc: nil), operations: operations)
            // Both files render the same model: convert it to template values once.
            let context = model.templateContext
            try add(GeneratedFile(path: "Client/Client+\(group.name).swift", contents: try render("Operations.swift.stencil", context)))
            try add(GeneratedFile(path: "Client/Operations+\(group.name).swift", contents: try render("OperationTypes.swift.stencil", context)))
            let rows = zip(group.operations, operations).map { ModuleReadme.operationView($0, selector: $1.selector) }
            readmeGroups.append(ReadmeGroupView(name: group.name, operations: rows))
        }
        let requirements = ClientProtocolFileView(
            file: file, operations: module.operations.map { builder.mockOperation(of: $0, spelling: builder.clientType) }
        )
        try add(GeneratedFile(path: "Client/ClientProtocol.swift", contents: try render("ClientProtocol.swift.stencil", requirements)))
        let conformances = RequestBodyValidationFileView(file: file, conformances: validation.conformances())
        try add(GeneratedFile(path: "Client/RequestBodyValidation.swift", contents: try render("RequestBodyValidation.swift.stencil", conformances)))
        let readme = ModuleReadme.view(module, file: file, groups: readmeGroups, includesServer: options.parts.contains(.server))
        try add(GeneratedFile(path: "README.md", contents: try render("README.md.stencil", readme)))
    }

    /// The server side: the handler protocol, the router, and per tag the `Operations.X.Input`
    /// structs with their reading from a request and the writing of `Operations.X.Response`.
    private func serverFiles(
        _ module: IRModule, _ fileContext: FileContext, into add: (GeneratedPart) throws(DiagnosticError) -> Void
    ) throws(DiagnosticError) {
        let typesByName = [String: IRType].byQualifiedName(module.types)
        let builder = ServerContextBuilder(
            typesByName: typesByName,
            operationBuilder: OperationContextBuilder(
                typesByName: typesByName, moduleName: options.moduleName,
                operationTypeNames: Set(module.operations.map(\.typeName))
            )
        )
        let all = ServerFileView(file: fileContext, operations: module.operations.map(builder.context))
        let runtime = SupportFileView(file: fileContext)
        try add(GeneratedPart(path: "Server/APIHandler.swift", contents: try render("Server.APIHandler.swift.stencil", all)))
        try add(GeneratedPart(path: "Server/Router.swift", contents: try render("Server.Router.swift.stencil", all)))
        try add(GeneratedPart(path: "Server/ServerRuntime.swift", contents: try render("Server.Runtime.swift.stencil", runtime)))
        try add(GeneratedPart(path: "Server/FormDecoder.swift", contents: try render("Server.FormDecoder.swift.stencil", runtime)))
        try add(GeneratedPart(
            path: "Server/InProcessTransport.swift", contents: try render("Server.InProcessTransport.swift.stencil", runtime)
        ))
        for group in OperationGroup.grouped(module.operations) {
            let view = ServerFileView(file: fileContext, operations: group.operations.map(builder.context))
            try add(GeneratedPart(path: "Server/Server+\(group.name).swift", contents: try render("Server.Operations.swift.stencil", view)))
        }
    }

    /// `MockClient`, for a test-support target of its own that imports the client's module. Every
    /// model type is qualified by that module: the mock also imports Foundation, whose types
    /// (`Progress`, `Data`…) a model may share a name with, and its nested call structs could shadow one.
    private func mockFile(_ module: IRModule, _ fileContext: FileContext) throws(DiagnosticError) -> GeneratedFile {
        let builder = OperationContextBuilder(
            typesByName: [String: IRType].byQualifiedName(module.types), moduleName: options.moduleName,
            operationTypeNames: Set(module.operations.map(\.typeName))
        )
        let qualified = Set(module.types.map(\.name)).union(module.operations.map(SwiftNamer.mockCallTypeName(of:)))
        let spelling = { (type: IRTypeReference) in TypeReferenceView(type, moduleName: self.options.moduleName, shadowed: qualified) }
        let view = MockFileView(
            file: fileContext,
            // Internal declarations are visible to another module only through `@testable import`.
            importsTestable: options.accessModifier == "internal",
            operations: module.operations.map { builder.mockOperation(of: $0, spelling: spelling) }
        )
        return GeneratedFile(path: "Mocks/MockClient.swift", contents: try render("Mocks.MockClient.swift.stencil", view))
    }

    /// One file per top-level type; nested types render inside it through `Declaration.stencil`.
    private func modelFiles(
        _ module: IRModule, _ fileContext: FileContext, into add: (GeneratedPart) throws(DiagnosticError) -> Void
    ) throws(DiagnosticError) {
        for type in module.types {
            let view = ModelFileView(file: fileContext, sourceName: type.sourceName, type: TypeContextBuilder.declaration(for: type))
            let contents = try render("ModelFile.swift.stencil", view)
            try add(GeneratedPart(path: "Models/\(type.name).swift", contents: contents, shard: .models))
        }
    }

    // MARK: Rendering

    /// For a model already converted (`OperationGroupFileView` renders two files).
    private func render(_ templateName: String, _ context: [String: TemplateValue]) throws(DiagnosticError) -> String {
        try environment.render(templateNamed: templateName, context: context).trailingNewlinesTrimmed + "\n"
    }

    private func render(_ templateName: String, _ model: some TemplateViewModel) throws(DiagnosticError) -> String {
        try environment.render(templateNamed: templateName, model: model).trailingNewlinesTrimmed + "\n"
    }

    // MARK: Module-wide contexts

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
            hasBasicAuthentication: module.securitySchemes.contains { $0.kind == .basic },
            includesURLSession: options.transports.contains(.urlSession)
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
