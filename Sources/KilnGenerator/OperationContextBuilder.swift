import KilnIR

/// Turns IR operations into the view models of `Operations.swift.stencil` (the `Client` methods)
/// and `OperationTypes.swift.stencil` (the `Operations.X` namespaces): names, signatures, the
/// request, responses and docs as data; the templates write the Swift.
struct OperationContextBuilder {
    /// Every generated type by qualified name, to read aliases and enums.
    let typesByName: [String: IRType]
    /// The module's name, to qualify a model type that a nested type would shadow.
    let moduleName: String
    /// The names declared inside `Operations`: the operations' namespaces.
    let operationTypeNames: Set<String>
    /// The client's checks before sending; `nil` where only signatures are wanted (the server side).
    var validation: RequestValidationBuilder? = nil
    /// The event data that ends server-sent event streams (`eventStreams.terminator`).
    var eventStreamTerminator: String? = nil
    /// `operationTypeNames` and the members `Operations` declares itself, joined once: joining them
    /// for each operation copied a set as large as the API per operation (quadratic in its size).
    let namespaceNames: Set<String>

    init(
        typesByName: [String: IRType], moduleName: String, operationTypeNames: Set<String>,
        validation: RequestValidationBuilder? = nil, eventStreamTerminator: String? = nil
    ) {
        self.typesByName = typesByName
        self.moduleName = moduleName
        self.operationTypeNames = operationTypeNames
        self.validation = validation
        self.eventStreamTerminator = eventStreamTerminator
        namespaceNames = operationTypeNames.union(SwiftNamer.operationNamespaceMembers)
    }

    /// Types nested in `Client`, which shadow models of the same name inside `extension Client`.
    private static let clientNestedTypeNames: Set<String> = ["Servers"]

    func view(of operation: IROperation) -> OperationView {
        let namespaceScope = shadowedInNamespace(of: operation)
        let returnType = ReturnTypeResolver(operation: operation)
        let responseCases = ResponseCase.cases(for: operation) { spell($0, shadowed: namespaceScope) }
        let bodyCases = bodyCases(operation, namespaceScope: namespaceScope)

        let ordered = orderedParameters(operation)
        let name = operation.swiftName
        let hasBodyArgument = operation.requestBody?.preferredContent != nil
        let selector = orderedSelector(name, ordered, hasBody: hasBodyArgument)

        var view = OperationView(
            name: SwiftNaming.escaped(name),
            responseName: operation.responseMethodName,
            rawName: operation.rawMethodName,
            typeName: operation.typeName,
            operationId: operation.operationId,
            deprecated: operation.documentation.deprecated,
            selector: selector,
            doc: operation.documentation.text,
            example: usageExample(operation, ordered, returnType),
            parametersDoc: parametersDocumentation(operation),
            returnsDoc: returnType.documentation.map { "- Returns: " + $0 },
            method: operation.method.rawValue,
            path: operation.path,
            arguments: signature(of: operation).arguments,
            forwarding: forwarding(operation),
            returnType: returnTypeView(returnType),
            successCases: returnType.cases,
            validation: validationChecks(operation),
            request: requestView(operation),
            bodyCases: bodyCases,
            responseCases: responseCases.map {
                $0.view(typeReference: { typeReference($0, shadowed: namespaceScope) }, terminator: eventStreamTerminator)
            },
            headerStructs: responseCases.compactMap { headersView($0, namespaceScope: namespaceScope) },
            pages: pagesView(operation, returnType: returnType, ordered: ordered)
        )
        let alternatives = operation.successAlternatives
        if !alternatives.isEmpty { addAlternatives(alternatives, of: operation, to: &view) }
        return view
    }

    // MARK: Other media types

    /// The methods asking for the success responses' other media types, and the `xRaw` they all
    /// call with the `Accept` they want: the convenience method asks for its own types only.
    private func addAlternatives(_ alternatives: [IRResponseAlternative], of operation: IROperation, to view: inout OperationView) {
        var arguments = signature(of: operation).arguments.arguments
        arguments.append(ArgumentView(label: "accepting", internalName: "accept", type: .named("String"), isOptional: false))
        view.acceptingArguments = ArgumentListView(arguments)
        view.forwardingAll = forwarding(operation, accepting: acceptHeader(operation, alternatives: true))
        view.forwardingPreferred = forwarding(operation, accepting: acceptHeader(operation, alternatives: false))
        view.request.acceptsArgument = true
        view.alternativeMethods = zip(alternatives, operation.alternativeMethodNames).map { alternative, name in
            AlternativeMethodView(
                name: SwiftNaming.escaped(name), mediaType: alternative.mediaType.text,
                resultType: ReturnTypeView(
                    type: ResponseCase.clientBodyType(of: alternative, clientType) ?? clientType(alternative.bodyType), isOptional: false
                ),
                streams: alternative.stream != nil, cases: alternativeCases(operation, like: alternative),
                forwarding: forwarding(operation, accepting: alternative.mediaType.text)
            )
        }
    }

    /// The success cases carrying `alternative`'s media type as the same type.
    private func alternativeCases(_ operation: IROperation, like alternative: IRResponseAlternative) -> [ResponseCasePatternView] {
        operation.responsesInMatchOrder.filter(\.status.isSuccess).compactMap { response in
            let match = response.alternatives.first {
                $0.mediaType.base == alternative.mediaType.base && $0.bodyType == alternative.bodyType && $0.stream == alternative.stream
            }
            guard let match else { return nil }
            var pattern = ResponseCase.patternView(of: response)
            pattern.member = SwiftNaming.memberReference(match.caseName)
            pattern.hasBody = true
            return pattern
        }
    }

    private func forwarding(_ operation: IROperation, accepting accept: String) -> ForwardedArgumentListView {
        ForwardedArgumentListView(forwardedArguments(operation) + [ForwardedArgumentView(label: "accepting", value: accept, isText: true)])
    }

    /// The stream of a streamed success response, else the resolved body type.
    private func returnTypeView(_ returnType: ReturnTypeResolver) -> ReturnTypeView? {
        if let streamed = returnType.streamed, let type = ResponseCase.clientBodyType(of: streamed, clientType) {
            return ReturnTypeView(type: type, isOptional: false)
        }
        return returnType.valueType.map { ReturnTypeView(type: clientType($0), isOptional: returnType.isOptional) }
    }

    /// The convenience method's parameters (the `xResponse` and `xRaw` forms share them); for the
    /// server side too, which declares the same inputs.
    func signature(of operation: IROperation) -> OperationSignatureView {
        OperationSignatureView(arguments: ArgumentListView(arguments(of: operation, leaving: nil)))
    }

    /// A type as the client's methods (inside `extension Client`) refer to it.
    func clientType(_ type: IRTypeReference) -> TypeReferenceView {
        TypeReferenceView(type, moduleName: moduleName, shadowed: Self.clientNestedTypeNames)
    }

    /// A type as code inside `Operations.X` refers to it (`shadowed`: see `shadowedInNamespace`).
    func typeReference(_ type: IRTypeReference, shadowed: Set<String>) -> TypeReferenceView {
        TypeReferenceView(type, moduleName: moduleName, shadowed: shadowed)
    }

    /// Required parameters (path first), the body, then optional parameters; without `skipped`.
    /// `spelling` writes their types for the scope declaring the method (the client's by default).
    private func arguments(
        of operation: IROperation, leaving skipped: IRParameter?, spelling: ((IRTypeReference) -> TypeReferenceView)? = nil
    ) -> [ArgumentView] {
        let spell = spelling ?? clientType
        let ordered = orderedParameters(operation)
        let keep = { (parameter: IRParameter) in parameter != skipped }
        let make = { (parameter: IRParameter) in argument(parameter, type: spell(parameter.type)) }
        var arguments = ordered.leading.filter(keep).map(make)
        if let body = operation.requestBody, let content = body.preferredContent {
            let type = body.contents.count > 1
                ? TypeReferenceView.named("Operations." + operation.typeName + ".Body") : spell(content.type)
            arguments.append(ArgumentView(label: "body", internalName: nil, type: type, isOptional: !body.required))
        }
        return arguments + ordered.trailing.filter(keep).map(make)
    }

    /// The arguments passing every parameter on, in signature order.
    private func forwardedArguments(_ operation: IROperation) -> [ForwardedArgumentView] {
        let ordered = orderedParameters(operation)
        let pass = { (parameter: IRParameter) in ForwardedArgumentView(label: parameter.swiftName, value: parameter.valueName) }
        var forwarded = ordered.leading.map(pass)
        if operation.requestBody?.preferredContent != nil { forwarded.append(ForwardedArgumentView(label: "body", value: "body")) }
        return forwarded + ordered.trailing.map(pass)
    }

    private func forwarding(_ operation: IROperation) -> ForwardedArgumentListView {
        ForwardedArgumentListView(forwardedArguments(operation))
    }

    // MARK: Type spelling

    /// Names that a model type cannot be referred to by inside `Operations.X`.
    private func shadowedInNamespace(of operation: IROperation) -> Set<String> {
        var names = namespaceNames
        for response in operation.responses {
            // Inserting only what is missing keeps the shared set uncopied in the common case.
            if let headersTypeName = response.headersTypeName, !names.contains(headersTypeName) { names.insert(headersTypeName) }
        }
        return names
    }

    /// The type as text, for code that does not render `TypeReferenceView` through `TypeName.stencil`
    /// yet (the server side): the IR's spelling, with a name that a nested type would shadow
    /// qualified by the module. Client code uses `typeReference(_:shadowed:)`.
    func spell(_ type: IRTypeReference, shadowed: Set<String>) -> String {
        qualified(type, shadowed: shadowed).swiftName
    }

    private func qualified(_ type: IRTypeReference, shadowed: Set<String>) -> IRTypeReference {
        switch type {
        case .named(let name):
            let first = DottedName.first(name)
            return shadowed.contains(first) ? .named(moduleName + "." + name) : type
        case .builtin:
            return type
        case .array(let element):
            return .array(qualified(element, shadowed: shadowed))
        case .dictionary(let value):
            return .dictionary(qualified(value, shadowed: shadowed))
        }
    }

    private func resolved(_ type: IRTypeReference) -> IRTypeReference {
        typesByName.resolvingAliases(type)
    }

    // MARK: Signature

    /// Required parameters (path ones first) lead; optional ones follow the body with `= nil`.
    private func orderedParameters(_ operation: IROperation) -> (leading: [IRParameter], trailing: [IRParameter]) {
        let required = operation.parameters.filter(\.required)
        let pathFirst = required.filter { $0.location == .path } + required.filter { $0.location != .path }
        return (pathFirst, operation.parameters.filter { !$0.required })
    }

    private func argument(_ parameter: IRParameter, type: TypeReferenceView) -> ArgumentView {
        let internalName = parameter.valueName
        let escaped = SwiftNaming.escaped(parameter.swiftName)
        return ArgumentView(
            label: internalName == escaped ? escaped : parameter.swiftName,
            internalName: internalName == escaped ? nil : internalName,
            type: type,
            isOptional: !parameter.required
        )
    }

    /// `updateLoginFlow(flow:body:xSessionToken:cookie:)`, for DocC links.
    private func orderedSelector(
        _ name: String, _ ordered: (leading: [IRParameter], trailing: [IRParameter]), hasBody: Bool
    ) -> String {
        let labels = ordered.leading.map(\.swiftName) + (hasBody ? ["body"] : []) + ordered.trailing.map(\.swiftName)
        return name + "(" + labels.map { $0 + ":" }.joined() + ")"
    }

    // MARK: Request statements

    private func validationChecks(_ operation: IROperation) -> [ValidationCheckView] {
        guard let validation else { return [] }
        return validation.operationChecks(operation)
    }

    private func requestView(_ operation: IROperation) -> RequestView {
        let accept = acceptHeader(operation)
        return RequestView(
            operationId: operation.operationId,
            method: operation.method.rawValue,
            path: operation.path,
            accept: accept == "application/json" ? nil : accept,
            parameters: operation.parameters.map(RequestParameterView.init),
            body: bodyView(operation.requestBody),
            security: operation.security,
            streamsResponse: operation.streamsResponse
        )
    }

    /// The media types the documented responses come in (with `alternatives`, their other types
    /// too), JSON when none is documented.
    private func acceptHeader(_ operation: IROperation, alternatives: Bool = true) -> String {
        var types: [String] = []
        for response in operation.responses {
            if let mediaType = response.mediaType?.text, !types.contains(mediaType) { types.append(mediaType) }
        }
        for response in operation.responses where alternatives {
            for mediaType in response.alternatives.map(\.mediaType.text) where !types.contains(mediaType) { types.append(mediaType) }
        }
        return types.isEmpty ? "application/json" : types.joined(separator: ", ")
    }

    private func bodyView(_ body: IRRequestBody?) -> RequestBodyView? {
        guard let body, let content = body.preferredContent else { return nil }
        let enumerated = body.contents.count > 1
        return RequestBodyView(
            isRequired: body.required, isEnumerated: enumerated,
            contents: (enumerated ? body.contents : [content]).map(RequestBodyContentView.init)
        )
    }

    // MARK: Operations.X

    /// The cases of `Operations.X.Body`, for an operation offering two or more media types.
    private func bodyCases(_ operation: IROperation, namespaceScope: Set<String>) -> [BodyCaseView] {
        guard let body = operation.requestBody, body.contents.count > 1 else { return [] }
        return body.contents.map { content in
            BodyCaseView(
                name: SwiftNaming.escaped(content.caseName), type: typeReference(content.type, shadowed: namespaceScope),
                mediaType: content.mediaType.text
            )
        }
    }

    /// A response's headers struct: typed properties and their decoding.
    private func headersView(_ responseCase: ResponseCase, namespaceScope: Set<String>) -> HeadersView? {
        guard let name = responseCase.headersType else { return nil }
        let properties = responseCase.response.headers.map { header in
            let text = DocumentationText.make(header.documentation).map { $0 + "\n\n" } ?? ""
            return HeaderPropertyView(
                name: SwiftNaming.escaped(header.swiftName),
                label: header.swiftName,
                wireName: header.name,
                type: typeReference(headerValueType(header.type) ?? .builtin(.string), shadowed: namespaceScope),
                isRequired: header.required,
                doc: text + "The `\(header.name)` header."
            )
        }
        let initArguments = properties.map { property in
            ArgumentView(label: property.name, internalName: nil, type: property.type, isOptional: !property.isRequired)
        }
        var statusKind = "default"
        var status = 0
        switch responseCase.status {
        case .code(let code): (statusKind, status) = ("code", code)
        case .range(let digit): (statusKind, status) = ("range", digit)
        case .default: break
        }
        return HeadersView(
            name: name, statusKind: statusKind, status: status, properties: properties,
            initArguments: ArgumentListView(initArguments),
            decodingWraps: ArgumentListView.exceedsInlineWidth(properties.map(\.decodingWidth))
        )
    }

    /// The header's type when a header's text can hold it (scalars, enums, arrays of those); else `nil` for text.
    private func headerValueType(_ type: IRTypeReference) -> IRTypeReference? {
        func isScalar(_ type: IRTypeReference) -> Bool {
            switch resolved(type) {
            case .builtin(let builtin): return builtin != .json
            case .named(let name):
                if case .enumeration? = typesByName[name]?.kind { return true }
                return false
            case .array, .dictionary: return false
            }
        }
        if isScalar(type) { return type }
        if case .array(let element) = resolved(type), isScalar(element) { return type }
        return nil
    }

    // MARK: Pagination

    /// `xPages` for the operations the IR says page: the cursor parameter is left out of the
    /// arguments and filled with each next page's token.
    private func pagesView(
        _ operation: IROperation, returnType: ReturnTypeResolver,
        ordered: (leading: [IRParameter], trailing: [IRParameter])
    ) -> PagesView? {
        // A streamed response is no page: its raw form is not read whole.
        guard let pagination = operation.pagination, !operation.streamsResponse,
              let token = operation.parameters.first(where: { $0.location == .query && $0.name == pagination.cursorParameter })
        else { return nil }
        let forwarded = forwardedArguments(operation).map { argument in
            argument.label == token.swiftName && argument.value == token.valueName
                ? ForwardedArgumentView(label: token.swiftName, value: "pageToken") : argument
        }
        return PagesView(
            name: pagination.methodName,
            itemType: clientType(pagination.itemType),
            // `PageSequence` reads `page_token` from the `Link` URL unless told another parameter.
            tokenParameter: pagination.cursorParameter == IRPagination.defaultCursorParameter ? nil : pagination.cursorParameter,
            arguments: ArgumentListView(arguments(of: operation, leaving: token)),
            forwarding: ForwardedArgumentListView(forwarded),
            successCases: returnType.cases.map(\.pattern)
        )
    }

    // MARK: Protocol and mock

    /// The operation's public methods in the order the client declares them, their types spelled
    /// by `spelling` for the scope declaring them: the one list `ClientProtocol` and `MockClient`
    /// (and any later form of a method) are written from.
    func methods(of operation: IROperation, spelling: @escaping (IRTypeReference) -> TypeReferenceView) -> [OperationMethodView] {
        let returnType = ReturnTypeResolver(operation: operation)
        let arguments = arguments(of: operation, leaving: nil, spelling: spelling)
        let forwarding = ForwardedArgumentListView(forwardedArguments(operation))
        func method(_ kind: String, _ name: String, _ resultType: ReturnTypeView?) -> OperationMethodView {
            OperationMethodView(
                kind: kind, name: SwiftNaming.escaped(name), handlerName: SwiftNamer.mockHandlerName(ofMethod: name),
                arguments: ArgumentListView(arguments), forwarding: forwarding, resultType: resultType,
                hasDefaults: arguments.contains { $0.isOptional }
            )
        }
        let body: ReturnTypeView?
        if let streamed = returnType.streamed, let stream = ResponseCase.clientBodyType(of: streamed, spelling) {
            body = ReturnTypeView(type: stream, isOptional: false)
        } else {
            body = returnType.valueType.map { ReturnTypeView(type: spelling($0), isOptional: returnType.isOptional) }
        }
        var methods = [
            method("body", operation.swiftName, body),
            method("response", operation.responseMethodName, nil),
            method("raw", operation.rawMethodName, nil),
        ]
        for (alternative, name) in zip(operation.successAlternatives, operation.alternativeMethodNames) {
            let type = ResponseCase.clientBodyType(of: alternative, spelling) ?? spelling(alternative.bodyType)
            methods.append(method("alternative", name, ReturnTypeView(type: type, isOptional: false)))
        }
        if let pagination = operation.pagination,
           let token = operation.parameters.first(where: { $0.location == .query && $0.name == pagination.cursorParameter }) {
            let pageArguments = self.arguments(of: operation, leaving: token, spelling: spelling)
            let pageForwarding = forwardedArguments(operation).filter { $0.label != token.swiftName || $0.value != token.valueName }
            methods.append(OperationMethodView(
                kind: "pages", name: pagination.methodName, handlerName: SwiftNamer.mockHandlerName(ofMethod: pagination.methodName),
                arguments: ArgumentListView(pageArguments), forwarding: ForwardedArgumentListView(pageForwarding),
                resultType: ReturnTypeView(type: spelling(pagination.itemType), isOptional: false),
                hasDefaults: pageArguments.contains { $0.isOptional }
            ))
        }
        return methods
    }

    /// The operation as the protocol (`spelling`: the client's) or the mock sees it.
    func mockOperation(of operation: IROperation, spelling: @escaping (IRTypeReference) -> TypeReferenceView) -> MockOperationView {
        MockOperationView(
            typeName: operation.typeName,
            deprecated: operation.documentation.deprecated,
            streams: operation.streamsResponse,
            methods: methods(of: operation, spelling: spelling),
            callTypeName: SwiftNamer.mockCallTypeName(of: operation),
            callsName: SwiftNamer.mockCallsName(of: operation),
            callFields: arguments(of: operation, leaving: nil, spelling: spelling)
        )
    }

    // MARK: Documentation

    /// The `- Parameters:` section: every parameter and the body.
    private func parametersDocumentation(_ operation: IROperation) -> String? {
        var parameterLines: [String] = []
        // DocC wants every parameter documented: an undocumented one is described by where it goes.
        for parameter in operation.parameters {
            let text = parameter.documentation.text ?? "The `\(parameter.name)` \(parameter.location.rawValue) parameter."
            parameterLines.append(parameterDoc(parameter.valueName, text))
        }
        if let body = operation.requestBody {
            parameterLines.append(parameterDoc("body", body.documentation.text ?? "The request body."))
        }
        return parameterLines.isEmpty ? nil : "- Parameters:\n" + parameterLines.joined(separator: "\n")
    }

    /// The call with the required parameters and the body, as user code outside the module writes it.
    private func usageExample(
        _ operation: IROperation, _ ordered: (leading: [IRParameter], trailing: [IRParameter]), _ returnType: ReturnTypeResolver
    ) -> UsageExampleView? {
        let example = UsageExample(typesByName: typesByName)
        var arguments = ordered.leading.map { (label: $0.swiftName, value: example.value(for: $0)) }
        if let body = operation.requestBody, let content = body.preferredContent {
            var value = example.value(of: content.type, placeholder: "body")
            if body.contents.count > 1 {
                value = value.map { .member(SwiftNaming.memberReference(content.caseName), payload: $0) }
            }
            arguments.append((label: "body", value: value))
        }
        return example.call(method: SwiftNaming.escaped(operation.swiftName), arguments: arguments, returnType: returnType.valueType)
    }

    private func parameterDoc(_ name: String, _ text: String) -> String {
        let lines = SwiftSyntaxFilters.utf8Lines(text)
        let body = lines.map(String.init).joined(separator: "\n    ")
        return "  - \(name): \(body)".trailingWhitespaceTrimmed
    }
}

extension String {
    /// `Operations.X` → `Operations/X`, for DocC symbol links.
    var replacingDots: String { split(separator: ".").joined(separator: "/") }
}
