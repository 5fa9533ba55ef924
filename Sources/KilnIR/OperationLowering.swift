import KilnDiagnostics
import KilnOpenAPI

/// Lowers paths and operations to client methods: names, parameters, bodies, responses, security.
struct OperationLowering {
    var schemas: SchemaLowering
    let securitySchemeNames: Set<String>
    private var methodNames = NameScope()
    /// Names of the `Operations.X` namespaces; `Operations` members are types, compared as files would.
    private var typeNames = NameScope(reserved: IRLowering.reservedTypeNames.union(["Response", "Body"]), foldsCase: true)

    init(schemas: SchemaLowering, securitySchemeNames: Set<String>) {
        self.schemas = schemas
        self.securitySchemeNames = securitySchemeNames
    }

    var document: OpenAPIDocument { schemas.document }

    mutating func lowerAll() -> [IROperation] {
        var operations: [IROperation] = []
        for (path, item) in document.paths.entries {
            for (method, operation) in item.operations {
                operations.append(lower(operation, method: method, path: path, pathItem: item))
            }
        }
        return operations
    }

    private mutating func lower(_ operation: Operation, method: HTTPMethod, path: String, pathItem: PathItem) -> IROperation {
        let operationId = operation.operationId ?? synthesizedOperationId(method: method, path: path)
        let swiftName = methodNames.claim(SwiftNaming.memberName(operationId))
        let typePrefix = SwiftNaming.typeName(operationId)
        let typeName = typeNames.claim(typePrefix)
        return IROperation(
            operationId: operationId,
            swiftName: swiftName,
            method: method.rawValue.uppercased(),
            path: path,
            tag: operation.tags.first,
            documentation: IRDocumentation(
                summary: operation.summary, details: operation.description, deprecated: operation.deprecated
            ),
            parameters: lowerParameters(pathItem.parameters, operation.parameters, typePrefix: typePrefix),
            requestBody: operation.requestBody.flatMap { lowerRequestBody($0, typePrefix: typePrefix) },
            responses: lowerResponses(operation.responses, typePrefix: typePrefix),
            security: lowerSecurity(operation.security ?? document.security ?? []),
            location: operation.source.location,
            typeName: typeName
        )
    }

    /// `GET /admin/identities/{id}` → `getAdminIdentitiesId`.
    private func synthesizedOperationId(method: HTTPMethod, path: String) -> String {
        method.rawValue + " " + path
    }

    // MARK: Parameters

    private mutating func lowerParameters(
        _ pathLevel: [Referenceable<Parameter>], _ operationLevel: [Referenceable<Parameter>], typePrefix: String
    ) -> [IRParameter] {
        let resolvedOperation = resolveAll(operationLevel)
        // An operation's parameter replaces a path-level one with the same name and location.
        let overridden = Set(resolvedOperation.map(Self.identity))
        let inherited = resolveAll(pathLevel).filter { !overridden.contains(Self.identity(of: $0)) }
        var names = NameScope(reserved: ["body"])
        var lowered: [IRParameter] = []
        for parameter in inherited + resolvedOperation {
            lowered.append(lower(parameter, names: &names, typePrefix: typePrefix))
        }
        return lowered
    }

    private static func identity(of parameter: Parameter) -> String {
        "\(parameter.location.rawValue) \(parameter.name)"
    }

    private mutating func resolveAll(_ parameters: [Referenceable<Parameter>]) -> [Parameter] {
        var resolved: [Parameter] = []
        for parameter in parameters {
            if let value = resolve(parameter) { resolved.append(value) }
        }
        return resolved
    }

    private mutating func lower(_ parameter: Parameter, names: inout NameScope, typePrefix: String) -> IRParameter {
        let schema = parameter.schema ?? parameter.content.values.first?.schema
        let type = schema.map {
            schemas.topLevelTypeReference(for: $0, nameHint: typePrefix + SwiftNaming.typeName(parameter.name)).0
        } ?? .builtin(.string)
        let style = parameter.style ?? (parameter.location == .query || parameter.location == .cookie ? "form" : "simple")
        var lowered = IRParameter(
            name: parameter.name,
            swiftName: names.claim(SwiftNaming.memberName(parameter.name)),
            location: IRParameter.Location(rawValue: parameter.location.rawValue) ?? .query,
            type: type,
            required: parameter.required,
            style: style,
            explode: parameter.explode ?? (style == "form"),
            documentation: IRDocumentation(details: parameter.description, deprecated: parameter.deprecated),
            allowReserved: parameter.allowReserved
        )
        lowered.constraints = IRConstraints.of(schema, in: document)
        return lowered
    }

    // MARK: Bodies

    private mutating func lowerRequestBody(_ body: Referenceable<RequestBody>, typePrefix: String) -> IRRequestBody? {
        guard let body = resolve(body) else { return nil }
        var contents: [IRRequestBody.Content] = []
        for (mediaType, content) in body.content.entries {
            let type = bodyType(content.schema, mediaType: mediaType, nameHint: typePrefix + "Request")
            contents.append(IRRequestBody.Content(mediaType: mediaType, type: type))
        }
        return IRRequestBody(required: body.required, contents: contents, documentation: IRDocumentation(details: body.description))
    }

    private mutating func lowerResponses(_ responses: OrderedMap<Referenceable<Response>>, typePrefix: String) -> [IRResponse] {
        var lowered: [IRResponse] = []
        for (status, response) in responses.entries {
            guard let response = resolve(response) else { continue }
            // JSON is what the client decodes; other media types are kept as raw bytes or text.
            let chosen = response.content.entries.first { $0.key.isJSONMediaType } ?? response.content.entries.first
            var type: IRTypeReference?
            if let chosen {
                let hint = typePrefix + SwiftNaming.typeName(status) + "Response"
                type = bodyType(chosen.value.schema, mediaType: chosen.key, nameHint: hint)
            }
            let headers = lowerHeaders(response.headers, typePrefix: typePrefix + SwiftNaming.typeName(status))
            lowered.append(
                IRResponse(status: status, description: response.description, mediaType: chosen?.key, bodyType: type, headers: headers)
            )
        }
        return lowered
    }

    /// `Content-Type` is described by the media type already, so a documented one is left out.
    private mutating func lowerHeaders(_ headers: OrderedMap<Referenceable<Header>>, typePrefix: String) -> [IRResponseHeader] {
        var names = NameScope(reserved: ["init"])
        var lowered: [IRResponseHeader] = []
        for (name, header) in headers.entries where name.lowercased() != "content-type" {
            guard let header = resolve(header) else { continue }
            let type = header.schema.map {
                schemas.topLevelTypeReference(for: $0, nameHint: typePrefix + SwiftNaming.typeName(name) + "Header").0
            } ?? .builtin(.string)
            lowered.append(IRResponseHeader(
                name: name,
                swiftName: names.claim(SwiftNaming.memberName(name)),
                type: type,
                required: header.required,
                documentation: IRDocumentation(details: header.description, deprecated: header.deprecated)
            ))
        }
        return lowered
    }

    private mutating func bodyType(_ schema: Referenceable<Schema>?, mediaType: String, nameHint: String) -> IRTypeReference {
        if mediaType.hasPrefix("text/") { return .builtin(.string) }
        guard let schema else { return mediaType.isJSONMediaType ? .builtin(.json) : .builtin(.data) }
        return schemas.topLevelTypeReference(for: schema, nameHint: nameHint).0
    }

    // MARK: Security

    /// Keeps the alternatives whose schemes all exist; a dangling name is the spec's defect, so warn and go on.
    private mutating func lowerSecurity(_ requirements: [SecurityRequirement]) -> [[String]] {
        var alternatives: [[String]] = []
        for requirement in requirements {
            let undefined = requirement.entries.filter { !securitySchemeNames.contains($0.schemeName) }
            for entry in undefined {
                schemas.log.warning(
                    "security requirement names '\(entry.schemeName)', which is not defined in components.securitySchemes; the requirement is ignored",
                    at: entry.source.location
                )
            }
            if undefined.isEmpty { alternatives.append(requirement.entries.map(\.schemeName)) }
        }
        return alternatives
    }

    // MARK: Resolution

    private mutating func resolve<Value>(_ value: Referenceable<Value>) -> Value? where Value: Resolvable {
        do {
            return try Value.resolve(value, in: document)
        } catch {
            schemas.log.append(contentsOf: error.diagnostics)
            return nil
        }
    }
}

/// Lets one generic helper resolve parameters, bodies and responses through the document.
protocol Resolvable: Sendable {
    static func resolve(_ value: Referenceable<Self>, in document: OpenAPIDocument) throws(DiagnosticError) -> Self
}

extension Parameter: Resolvable {
    static func resolve(_ value: Referenceable<Parameter>, in document: OpenAPIDocument) throws(DiagnosticError) -> Parameter {
        try document.resolve(value)
    }
}

extension RequestBody: Resolvable {
    static func resolve(_ value: Referenceable<RequestBody>, in document: OpenAPIDocument) throws(DiagnosticError) -> RequestBody {
        try document.resolve(value)
    }
}

extension Header: Resolvable {
    static func resolve(_ value: Referenceable<Header>, in document: OpenAPIDocument) throws(DiagnosticError) -> Header {
        try document.resolve(value)
    }
}

extension Response: Resolvable {
    static func resolve(_ value: Referenceable<Response>, in document: OpenAPIDocument) throws(DiagnosticError) -> Response {
        try document.resolve(value)
    }
}
