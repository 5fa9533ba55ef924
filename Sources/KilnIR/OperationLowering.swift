import KilnDiagnostics
import KilnOpenAPI

/// Lowers paths and operations to client methods: names, parameters, bodies, responses, security.
struct OperationLowering {
    var schemas: SchemaLowering
    let securitySchemeNames: Set<String>
    /// Names of the `Operations.X` namespaces.
    private var typeNames = SwiftNamer.operationTypeScope()

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
        // The method names are given once the operations to keep are known (`SwiftNamer.nameMethods`).
        let swiftName = SwiftNaming.memberName(operationId)
        let typePrefix = SwiftNaming.typeName(operationId)
        let typeName = typeNames.claim(typePrefix)
        return IROperation(
            operationId: operationId,
            swiftName: swiftName,
            method: IRHTTPMethod(method),
            path: path,
            tag: operation.tags.first,
            documentation: IRDocumentation(
                summary: operation.summary, details: operation.description, deprecated: operation.deprecated
            ),
            parameters: lowerParameters(
                pathItem.parameters, operation.parameters, typePrefix: typePrefix,
                checkingAgainst: path, operationLocation: operation.source.location
            ),
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
        _ pathLevel: [Referenceable<Parameter>], _ operationLevel: [Referenceable<Parameter>], typePrefix: String,
        checkingAgainst path: String, operationLocation: SourceLocation
    ) -> [IRParameter] {
        let resolvedOperation = resolveAll(operationLevel)
        // An operation's parameter replaces a path-level one with the same name and location.
        let overridden = Set(resolvedOperation.map(Self.identity))
        let inherited = resolveAll(pathLevel).filter { !overridden.contains(Self.identity(of: $0)) }
        PathTemplateCheck.check(path, parameters: inherited + resolvedOperation, operationLocation: operationLocation, log: &schemas.log)
        var names = SwiftNamer.parameterScope()
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
        let location = IRParameter.Location(rawValue: parameter.location.rawValue) ?? .query
        let style = lowerStyle(parameter, location: location)
        var lowered = IRParameter(
            name: parameter.name,
            swiftName: names.claim(SwiftNaming.memberName(parameter.name)),
            location: location,
            type: type,
            required: parameter.required,
            style: style,
            explode: parameter.explode ?? style.explodesByDefault,
            documentation: IRDocumentation(details: parameter.description, deprecated: parameter.deprecated),
            allowReserved: parameter.allowReserved
        )
        lowered.constraints = IRConstraints.of(schema, in: document)
        return lowered
    }

    /// The style as written, else the location's default; an unknown one is the spec's defect, so warn
    /// and serialize as the location's default (whose `explode` default then applies too).
    private mutating func lowerStyle(_ parameter: Parameter, location: IRParameter.Location) -> IRParameterStyle {
        guard let written = parameter.style else { return .default(for: location) }
        guard let style = IRParameterStyle(rawValue: written) else {
            schemas.log.warning(
                "parameter '\(parameter.name)' has style '\(written)', which is not an OpenAPI style; the default for a \(location.rawValue) parameter is used",
                at: parameter.source.location
            )
            return .default(for: location)
        }
        return style
    }

    // MARK: Bodies

    private mutating func lowerRequestBody(_ body: Referenceable<RequestBody>, typePrefix: String) -> IRRequestBody? {
        guard let body = resolve(body) else { return nil }
        var contents: [IRRequestBody.Content] = []
        for (written, content) in body.content.entries {
            let mediaType = IRMediaType(written)
            let type = bodyType(content.schema, mediaType: mediaType, nameHint: typePrefix + "Request")
            var lowered = IRRequestBody.Content(mediaType: mediaType, type: type)
            if lowered.coding == .multipartForm {
                lowered.partEncodings = partEncodings(content.encoding)
                // A schema written inline belongs to this body alone, so its files can stream;
                // a referenced one may also be JSON elsewhere, where bytes are Base64 text in memory.
                if case .value = content.schema, case .named(let name) = type {
                    schemas.topLevel.streamBinaryMembers(ofType: name)
                }
            }
            contents.append(lowered)
        }
        SwiftNamer.nameBodyCases(of: &contents)
        return IRRequestBody(required: body.required, contents: contents, documentation: IRDocumentation(details: body.description))
    }

    /// The parts whose `Content-Type` or headers are set: `image/png, image/jpeg` lists what a server
    /// accepts, and the client sends the first.
    private mutating func partEncodings(_ encodings: OrderedMap<MediaType.Encoding>) -> [IRPartEncoding] {
        encodings.entries.compactMap { property, encoding in
            let first = encoding.contentType?.split(separator: ",").first.map { String($0).trimmingWhitespaceAndNewlines }
            let contentType = first?.isEmpty == false ? first : nil
            let headers = partHeaders(encoding.headers, property: property)
            guard contentType != nil || !headers.isEmpty else { return nil }
            return IRPartEncoding(property: property, contentType: contentType, headers: headers)
        }
    }

    /// The headers the client can send unasked: those whose schema allows one value. `Content-Type`
    /// is left out, as OpenAPI says, since `contentType` describes it.
    private mutating func partHeaders(_ headers: OrderedMap<Referenceable<Header>>, property: String) -> [IRPartHeader] {
        var result: [IRPartHeader] = []
        for (name, header) in headers.entries where name.lowercased() != "content-type" {
            guard let header = resolve(header) else { continue }
            let schema = header.schema.flatMap { resolve($0) }
            guard let value = schema.flatMap(Self.fixedValue), !value.contains(where: \.isNewline) else {
                schemas.log.warning(
                    "header '\(name)' of the multipart part '\(property)' has no fixed one-line value (const, a single enum value or default), so it is not sent",
                    at: header.source.location
                )
                continue
            }
            result.append(IRPartHeader(name: name, value: value))
        }
        return result
    }

    /// The text of the one value a header's schema allows, if it allows one.
    private static func fixedValue(of schema: Schema) -> String? {
        let single = schema.enumValues.flatMap { values in values.count == 1 ? values[0] : nil }
        guard let value = schema.constValue ?? single ?? schema.defaultValue else { return nil }
        if case .string(let text) = value.content { return text }
        return value.text
    }

    private mutating func lowerResponses(_ responses: OrderedMap<Referenceable<Response>>, typePrefix: String) -> [IRResponse] {
        var lowered: [IRResponse] = []
        // A key that is no status was warned about when decoding; it cannot become a case.
        for (key, response) in responses.entries {
            guard let status = IRResponseStatus(key), let response = resolve(response) else { continue }
            // A body documented where HTTP allows none would be decoded from nothing: it is left out, and said.
            if status.forbidsBody && !response.content.isEmpty {
                schemas.log.warning(
                    "response \(key) documents content, but a \(key) response has no body; the content is ignored",
                    at: response.source.location
                )
            }
            // JSON is what the client decodes; other media types are kept as raw bytes or text.
            let contents = status.forbidsBody ? [] : response.content.entries.map { (mediaType: IRMediaType($0.key), content: $0.value) }
            let chosen = contents.first { $0.mediaType.isJSON } ?? contents.first
            var type: IRTypeReference?
            var stream: IRResponseStream?
            if let chosen {
                let hint = typePrefix + SwiftNaming.typeName(key) + "Response"
                type = bodyType(chosen.content.schema, mediaType: chosen.mediaType, nameHint: hint)
                stream = responseStream(chosen.content.schema, mediaType: chosen.mediaType, bodyType: type, nameHint: hint)
                // Bytes stream to the caller, so that a download need not fit in memory.
                if let read = type, IRBodyCoding.ofResponse(chosen.mediaType, type: read) == .bytes {
                    type = .builtin(.body)
                    stream = IRResponseStream(format: .bytes, payload: .builtin(.data))
                }
            }
            let headers = lowerHeaders(response.headers, typePrefix: typePrefix + SwiftNaming.typeName(key))
            var lowering = IRResponse(
                status: status, description: response.description, mediaType: chosen?.mediaType, bodyType: type, headers: headers,
                stream: stream
            )
            let others = contents.filter { $0.mediaType != chosen?.mediaType }
            lowering.alternatives = others.compactMap { alternative($0.content.schema, mediaType: $0.mediaType, typePrefix: typePrefix, key: key) }
            lowered.append(lowering)
        }
        SwiftNamer.nameResponseCases(of: &lowered)
        return lowered
    }

    /// Another media type of a response, unless it reads as the chosen one does: a second JSON type
    /// is decoded by the same case. Events and JSON Lines stream; text is a `String`, anything else bytes.
    private mutating func alternative(
        _ schema: Referenceable<Schema>?, mediaType: IRMediaType, typePrefix: String, key: String
    ) -> IRResponseAlternative? {
        guard !mediaType.isJSON else { return nil }
        let hint = typePrefix + SwiftNaming.typeName(key) + SwiftNamer.alternativeSuffix(mediaType) + "Response"
        let type = bodyType(schema, mediaType: mediaType, nameHint: hint)
        let stream = responseStream(schema, mediaType: mediaType, bodyType: type, nameHint: hint)
        if stream == nil, !mediaType.isText, type != .builtin(.data) {
            // A structured type Kiln does not decode (XML, say) is kept as its bytes, not dropped.
            return IRResponseAlternative(mediaType: mediaType, bodyType: .builtin(.data), stream: nil)
        }
        return IRResponseAlternative(mediaType: mediaType, bodyType: type, stream: stream)
    }

    /// `Content-Type` is described by the media type already, so a documented one is left out.
    private mutating func lowerHeaders(_ headers: OrderedMap<Referenceable<Header>>, typePrefix: String) -> [IRResponseHeader] {
        var names = SwiftNamer.responseHeaderScope()
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

    /// The items of an event stream or JSON Lines body: the schema describes one event's data or
    /// one record. An event stream's body type is text, so its schema is lowered here.
    private mutating func responseStream(
        _ schema: Referenceable<Schema>?, mediaType: IRMediaType, bodyType: IRTypeReference?, nameHint: String
    ) -> IRResponseStream? {
        let format: IRResponseStream.Format
        if mediaType.isEventStream {
            format = .serverSentEvents
        } else if mediaType.isJSONLines {
            format = .jsonRecords
        } else {
            return nil
        }
        guard let schema else { return IRResponseStream(format: format, payload: .builtin(.json)) }
        let payload = mediaType.isText ? schemas.topLevelTypeReference(for: schema, nameHint: nameHint).0 : bodyType ?? .builtin(.json)
        return IRResponseStream(format: format, payload: payload)
    }

    private mutating func bodyType(_ schema: Referenceable<Schema>?, mediaType: IRMediaType, nameHint: String) -> IRTypeReference {
        if mediaType.isText { return .builtin(.string) }
        guard let schema else { return mediaType.isJSON ? .builtin(.json) : .builtin(.data) }
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

extension Schema: Resolvable {
    static func resolve(_ value: Referenceable<Schema>, in document: OpenAPIDocument) throws(DiagnosticError) -> Schema {
        try document.resolve(value)
    }
}
