import KilnIR

/// Turns IR operations into the contexts of the server templates (`Server.*.stencil`): the
/// `Operations.X.Input` structs, how the router reads them from a request, and how each
/// `Operations.X.Response` case is written back as an `HTTPResponse`.
struct ServerContextBuilder {
    /// Every generated type by qualified name, to see aliases and enums behind names.
    let typesByName: [String: IRType]
    /// Spells types the way the client code does (shared so both sides agree).
    let operationBuilder: OperationContextBuilder

    func context(for operation: IROperation) -> ServerOperationView {
        let typePath = "Operations." + operation.typeName
        let scope = namespaceScope(of: operation)
        let spell: (IRTypeReference) -> String = { operationBuilder.spell($0, shadowed: scope) }

        let required = operation.parameters.filter(\.required)
        let leading = required.filter { $0.location == .path } + required.filter { $0.location != .path }
        let trailing = operation.parameters.filter { !$0.required }
        let content = operation.requestBody?.preferredContent
        let multipleBodies = (operation.requestBody?.contents.count ?? 0) > 1

        var properties: [ServerInputPropertyView] = []
        func addParameter(_ parameter: IRParameter) {
            properties.append(ServerInputPropertyView(
                name: SwiftNaming.escaped(parameter.swiftName), type: spell(parameter.type), isOptional: !parameter.required,
                doc: parameter.documentation.text, parameter: parameterRead(parameter)
            ))
        }
        leading.forEach(addParameter)
        var bodyRead: BodyReadView?
        if let body = operation.requestBody, let content {
            let type = multipleBodies ? typePath + ".Body" : spell(content.type)
            properties.append(ServerInputPropertyView(
                name: "body", type: type, isOptional: !body.required, doc: body.documentation.text, parameter: nil
            ))
            bodyRead = BodyReadView(
                type: type, isOptional: !body.required, isMultiple: multipleBodies,
                contents: (multipleBodies ? body.contents : [content]).map { contentRead($0, spell: spell) }
            )
        }
        trailing.forEach(addParameter)

        let responseCases = ResponseCase.cases(for: operation, spell: spell)
        return ServerOperationView(
            name: SwiftNaming.escaped(operation.swiftName),
            operationId: operation.operationId,
            typeName: operation.typeName,
            typePath: typePath,
            method: operation.method.rawValue,
            path: operation.path,
            summary: operation.documentation.text?.split(separator: "\n").first.map(String.init),
            inputProperties: properties,
            body: bodyRead,
            responseCases: responseCases.flatMap { responseCase in
                [responseWriting(responseCase)] + responseCase.response.alternatives.map { alternativeWriting($0, of: responseCase) }
            },
            headerWriters: responseCases.compactMap(headerWriter)
        )
    }

    /// Names that a model type cannot be referred to by inside `Operations.X`.
    private func namespaceScope(of operation: IROperation) -> Set<String> {
        var names = operationBuilder.namespaceNames
        if !names.contains("Input") { names.insert("Input") }
        for response in operation.responses {
            if let headersTypeName = response.headersTypeName, !names.contains(headersTypeName) { names.insert(headersTypeName) }
        }
        return names
    }

    // MARK: Reading a request

    private func resolved(_ type: IRTypeReference) -> IRTypeReference {
        typesByName.resolvingAliases(type)
    }

    /// Builtins and enums have a parameter text of their own (`ParameterValue`).
    private func isTextual(_ type: IRTypeReference) -> Bool {
        switch resolved(type) {
        case .builtin: return true
        case .named(let name):
            if case .enumeration? = typesByName[name]?.kind { return true }
            return false
        case .array, .dictionary: return false
        }
    }

    /// What `readParameter` in `Server.Operations.swift.stencil` needs to read `parameter`: style
    /// and explode only where they differ from the defaults the runtime assumes.
    private func parameterRead(_ parameter: IRParameter) -> ServerParameterReadView {
        let defaultStyle = IRParameterStyle.default(for: parameter.location)
        let textual: Bool
        if case .array(let element) = resolved(parameter.type) { textual = isTextual(element) } else { textual = isTextual(parameter.type) }
        return ServerParameterReadView(
            label: parameter.swiftName, name: parameter.name, location: parameter.location.rawValue,
            style: parameter.style != defaultStyle ? parameter.style.rawValue : nil,
            explode: parameter.explode != defaultStyle.explodesByDefault ? parameter.explode : nil,
            isTextual: textual, isRequired: parameter.required
        )
    }

    /// One media type of a request body, for `Server.Operations.swift.stencil`'s `readBody` macro.
    private func contentRead(_ content: IRRequestBody.Content, spell: (IRTypeReference) -> String) -> BodyContentReadView {
        BodyContentReadView(
            mediaType: content.mediaType.base, caseMember: SwiftNaming.memberReference(content.caseName),
            coding: Self.codingName(content.coding), type: spell(content.type)
        )
    }

    /// The coding's name in templates.
    private static func codingName(_ coding: IRBodyCoding) -> String {
        switch coding {
        case .json: return "json"
        case .urlEncodedForm: return "urlEncodedForm"
        case .multipartForm: return "multipartForm"
        case .bytes: return "bytes"
        case .text: return "text"
        }
    }

    // MARK: Writing a response

    /// A `case` of `httpResponse()`: the inverse of the case's `construction` in `init(decoding:)`.
    private func responseWriting(_ responseCase: ResponseCase) -> ResponseWritingView {
        var statusCode: String?
        if case .code(let code) = responseCase.status { statusCode = String(code) }
        var bodyCoding: String?
        var contentType: String?
        let response = responseCase.response
        if responseCase.bodyType != nil, let mediaType = response.mediaType, let stream = response.stream {
            bodyCoding = ResponseWritingView.coding(of: stream)
            contentType = mediaType.text
        } else if responseCase.bodyType != nil, let mediaType = response.mediaType, let coding = response.coding {
            contentType = coding.explicitContentType(for: mediaType)
            switch coding {
            case .text, .bytes: bodyCoding = Self.codingName(coding)
            case .json, .urlEncodedForm, .multipartForm: bodyCoding = Self.codingName(.json)
            }
        }
        return ResponseWritingView(
            member: SwiftNaming.memberReference(responseCase.name), statusCode: statusCode,
            hasBody: responseCase.bodyType != nil, hasHeaders: responseCase.headersType != nil,
            bodyCoding: bodyCoding, contentType: contentType
        )
    }

    /// The case of another media type of `responseCase`'s status: its body labelled with its own type.
    private func alternativeWriting(_ alternative: IRResponseAlternative, of responseCase: ResponseCase) -> ResponseWritingView {
        var view = responseWriting(responseCase)
        view.member = SwiftNaming.memberReference(alternative.caseName)
        view.hasBody = true
        view.contentType = alternative.mediaType.text
        if let stream = alternative.stream {
            view.bodyCoding = ResponseWritingView.coding(of: stream)
        } else {
            view.bodyCoding = Self.codingName(alternative.coding == .text ? .text : .bytes)
        }
        return view
    }

    private func headerWriter(_ responseCase: ResponseCase) -> HeaderWriterView? {
        guard let name = responseCase.headersType else { return nil }
        let headers = responseCase.response.headers.map { HeaderWriteView(name: $0.name, property: SwiftNaming.escaped($0.swiftName)) }
        return HeaderWriterView(name: name, headers: headers)
    }
}
