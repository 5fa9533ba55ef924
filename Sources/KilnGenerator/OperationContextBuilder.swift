import Foundation
import KilnIR
import KilnTemplates

/// Turns IR operations into the contexts of `Operations.swift.stencil` (the `Client` methods) and
/// `OperationTypes.swift.stencil` (the `Operations.X` namespaces): signatures, statements, docs.
struct OperationContextBuilder {
    /// Every generated type by qualified name, to read aliases and enums.
    let typesByName: [String: IRType]
    /// The module's name, to qualify a model type that a nested type would shadow.
    let moduleName: String
    /// The names declared inside `Operations`: the operations' namespaces.
    let operationTypeNames: Set<String>
    /// The client's checks before sending; `nil` where only signatures are wanted (the server side).
    var validation: RequestValidationBuilder? = nil

    /// Types nested in `Client`, which shadow models of the same name inside `extension Client`.
    private static let clientNestedTypeNames: Set<String> = ["Servers"]

    func context(for operation: IROperation) -> TemplateValue {
        let typePath = "Operations." + operation.typeName
        let namespaceScope = shadowedInNamespace(of: operation)
        let clientSpell: (IRTypeReference) -> String = { spell($0, shadowed: Self.clientNestedTypeNames) }
        let returnType = ReturnTypeResolver(operation: operation, spell: clientSpell)
        let responseCases = ResponseCase.cases(for: operation) { spell($0, shadowed: namespaceScope) }
        let bodyCases = bodyCases(operation, namespaceScope: namespaceScope)

        let ordered = orderedParameters(operation)
        var arguments = ordered.leading.map { argument($0, spell: clientSpell) }
        var forwarded = ordered.leading.map(forwarding)
        if let body = operation.requestBody, let content = body.preferredContent {
            let type = bodyCases.isEmpty ? clientSpell(content.type) : typePath + ".Body"
            arguments.append("body: \(type)" + (body.required ? "" : "? = nil"))
            forwarded.append("body: body")
        }
        arguments += ordered.trailing.map { argument($0, spell: clientSpell) }
        forwarded += ordered.trailing.map(forwarding)

        let name = operation.swiftName
        let hasBodyArgument = operation.requestBody?.preferredContent != nil
        let convenience = "``\(orderedSelector(name, ordered, hasBody: hasBodyArgument))``"

        return [
            "name": .string(SwiftNaming.escaped(name)),
            "responseName": .string(operation.responseMethodName),
            "rawName": .string(operation.rawMethodName),
            "typeName": .string(operation.typeName),
            "typePath": .string(typePath),
            "selector": .string(orderedSelector(name, ordered, hasBody: hasBodyArgument)),
            // For the module README's operation table.
            "tableMethod": .string(ModuleReadme.codeSpan(operation.method.rawValue)),
            "tablePath": .string(ModuleReadme.codeSpan(operation.path)),
            "tableSummary": .string(ModuleReadme.tableCell(operation.documentation.summary ?? operation.documentation.text ?? "")),
            "responseType": .string(typePath + ".Response"),
            "operationId": .string(operation.operationId),
            "deprecated": .bool(operation.documentation.deprecated),
            "doc": .string(
                documentation(operation, returnType: returnType, typePath: typePath, example: usageExample(operation, ordered, returnType))
            ),
            "responseDoc": .string(
                "Like \(convenience), but returns every documented\nresponse, success or not, as a case of "
                    + "``\(typePath.replacingDots)/Response``.\n\n"
                    + "- Throws: Only errors building or sending the request, and a success body that does not\n"
                    + "  decode as documented."
            ),
            "rawDoc": .string(
                "Like \(convenience), but returns the HTTP response as\nreceived: status, headers and body bytes, whatever the status.\n\n"
                    + "- Throws: Only errors building or sending the request."
            ),
            "namespaceDoc": .string(
                "The request body and responses of \(clientReference(convenience)): `\(operation.method) \(operation.path)`."
            ),
            "argumentList": .string(ArgumentListFormatter.format(arguments, indent: 4)),
            "forwarding": .string(ArgumentListFormatter.format(forwarded, indent: 8)),
            "returnType": TemplateValue(returnType.swiftType),
            "successCases": .array(returnType.cases.map { ["pattern": .string($0.pattern), "statement": .string($0.statement)] }),
            "requestInit": .string(requestInit(operation)),
            "validation": .array(validationChecks(operation).map(TemplateValue.string)),
            "mutatesRequest": .bool(!operation.parameters.isEmpty || hasBodyArgument),
            "statements": .array(operation.parameters.map { .string(parameterStatement($0)) }),
            "bodyStatement": TemplateValue(bodyStatement(operation.requestBody, enumerated: !bodyCases.isEmpty)),
            "security": .string(securityLiteral(operation.security)),
            "bodyCases": .array(bodyCases),
            "responseCases": .array(responseCases.map { responseCaseContext($0, typePath: typePath) }),
            "fallbackConstruction": .string(
                responseCases.first { $0.match == nil }?.construction(headersPath: typePath) ?? ".undocumented(response)"
            ),
            "headerStructs": .array(responseCases.compactMap { headersContext($0, namespaceScope: namespaceScope) }),
            "pages": pagesContext(operation, returnType: returnType, ordered: ordered, convenience: convenience, typePath: typePath),
        ]
    }

    // MARK: Type spelling

    /// Names that a model type cannot be referred to by inside `Operations.X`.
    private func shadowedInNamespace(of operation: IROperation) -> Set<String> {
        var names = operationTypeNames.union(SwiftNamer.operationNamespaceMembers)
        for response in operation.responses {
            if let headersTypeName = response.headersTypeName { names.insert(headersTypeName) }
        }
        return names
    }

    /// The type's spelling, qualified with the module name where a nested type would shadow it.
    func spell(_ type: IRTypeReference, shadowed: Set<String>) -> String {
        switch type {
        case .named(let name):
            let first = name.split(separator: ".").first.map(String.init) ?? name
            return shadowed.contains(first) ? moduleName + "." + name : name
        case .builtin(let builtin):
            return builtin.rawValue
        case .array(let element):
            return "[" + spell(element, shadowed: shadowed) + "]"
        case .dictionary(let value):
            return "[String: " + spell(value, shadowed: shadowed) + "]"
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

    private func argument(_ parameter: IRParameter, spell: (IRTypeReference) -> String) -> String {
        let internalName = parameter.valueName
        let escaped = SwiftNaming.escaped(parameter.swiftName)
        let name = internalName == escaped ? escaped : "\(parameter.swiftName) \(internalName)"
        let type = spell(parameter.type)
        return parameter.required ? "\(name): \(type)" : "\(name): \(type)? = nil"
    }

    private func forwarding(_ parameter: IRParameter) -> String {
        "\(parameter.swiftName): \(parameter.valueName)"
    }

    /// `updateLoginFlow(flow:body:xSessionToken:cookie:)`, for DocC links.
    private func orderedSelector(
        _ name: String, _ ordered: (leading: [IRParameter], trailing: [IRParameter]), hasBody: Bool
    ) -> String {
        let labels = ordered.leading.map(\.swiftName) + (hasBody ? ["body"] : []) + ordered.trailing.map(\.swiftName)
        return name + "(" + labels.map { $0 + ":" }.joined() + ")"
    }

    /// ``Client/name(…)`` from inside `Operations`.
    private func clientReference(_ link: String) -> String {
        link.replacingFirst("``", with: "``Client/")
    }

    // MARK: Request statements

    private func validationChecks(_ operation: IROperation) -> [String] {
        guard let validation else { return [] }
        return validation.operationChecks(operation)
    }

    private func requestInit(_ operation: IROperation) -> String {
        let method = SwiftSyntaxFilters.swiftStringLiteral(operation.method.rawValue)
        let path = SwiftSyntaxFilters.swiftStringLiteral(operation.path)
        let accept = acceptHeader(operation)
        let acceptArgument = accept == "application/json" ? "" : ", accept: " + SwiftSyntaxFilters.swiftStringLiteral(accept)
        return "RequestBuilder(method: \(method), path: \(path)\(acceptArgument))"
    }

    /// The media types the documented responses come in, JSON when none is documented.
    private func acceptHeader(_ operation: IROperation) -> String {
        var types: [String] = []
        for response in operation.responses {
            if let mediaType = response.mediaType?.text, !types.contains(mediaType) { types.append(mediaType) }
        }
        return types.isEmpty ? "application/json" : types.joined(separator: ", ")
    }

    private func parameterStatement(_ parameter: IRParameter) -> String {
        let name = SwiftSyntaxFilters.swiftStringLiteral(parameter.name)
        let value = parameter.valueName
        let style = parameter.style
        var options = ""
        switch parameter.location {
        case .path:
            if style != .simple { options += ", style: .\(style.rawValue)" }
            if parameter.explode { options += ", explode: true" }
            return "try request.setPath(\(name), \(value)\(options))"
        case .query:
            if style != .form { options += ", style: .\(style.rawValue)" }
            if !parameter.explode { options += ", explode: false" }
            if parameter.allowReserved { options += ", allowReserved: true" }
            return "try request.addQuery(\(name), \(value)\(options))"
        case .header:
            if parameter.explode { options += ", explode: true" }
            return "try request.setHeader(\(name), \(value)\(options))"
        case .cookie:
            if !parameter.explode { options += ", explode: false" }
            return "try request.addCookie(\(name), \(value)\(options))"
        }
    }

    /// The statement setting the body from `value`, as the IR's coding says; the media type as
    /// written is passed where it is not what the runtime sends anyway.
    private func bodyCall(_ content: IRRequestBody.Content, value: String) -> String {
        let contentType = content.coding.explicitContentType(for: content.mediaType)
            .map { ", contentType: " + SwiftSyntaxFilters.swiftStringLiteral($0) } ?? ""
        switch content.coding {
        case .json: return "try request.setJSONBody(\(value)\(contentType))"
        case .urlEncodedForm: return "try request.setFormBody(\(value))"
        case .multipartForm: return "try request.setMultipartBody(\(value))"
        case .bytes: return "request.setDataBody(\(value)\(contentType))"
        case .text: return "request.setTextBody(\(value)\(contentType))"
        }
    }

    /// One statement, or a `switch` over `Operations.X.Body`; inside `if let body` when optional.
    private func bodyStatement(_ body: IRRequestBody?, enumerated: Bool) -> String? {
        guard let body, let content = body.preferredContent else { return nil }
        var lines: [String]
        if enumerated {
            lines = ["switch body {"]
            for content in body.contents {
                lines.append("case .\(SwiftNaming.memberReference(content.caseName))(let content):")
                lines.append("    " + bodyCall(content, value: "content"))
            }
            lines.append("}")
        } else {
            lines = [bodyCall(content, value: "body")]
        }
        if !body.required {
            lines = ["if let body {"] + lines.map { "    " + $0 } + ["}"]
        }
        return lines.joined(separator: "\n")
    }

    // MARK: Operations.X

    /// The cases of `Operations.X.Body`, for an operation offering two or more media types.
    private func bodyCases(_ operation: IROperation, namespaceScope: Set<String>) -> [TemplateValue] {
        guard let body = operation.requestBody, body.contents.count > 1 else { return [] }
        return body.contents.map { content in
            [
                "declaration": .string("\(SwiftNaming.escaped(content.caseName))(\(spell(content.type, shadowed: namespaceScope)))"),
                "mediaType": .string(content.mediaType.text),
            ]
        }
    }

    private func responseCaseContext(_ responseCase: ResponseCase, typePath: String) -> TemplateValue {
        let statusCode = responseCase.statusCodeSwitchCase
        return [
            "doc": .string(responseCase.documentation),
            "declaration": .string(responseCase.declaration),
            "statusPattern": .string(statusCode.pattern),
            "statusValue": .string(statusCode.value),
            "match": TemplateValue(responseCase.match),
            "construction": .string(responseCase.construction(headersPath: typePath)),
        ]
    }

    /// A response's headers struct: typed properties and their decoding.
    private func headersContext(_ responseCase: ResponseCase, namespaceScope: Set<String>) -> TemplateValue? {
        guard let name = responseCase.headersType else { return nil }
        var properties: [TemplateValue] = []
        var initArguments: [String] = []
        var decodedArguments: [String] = []
        for header in responseCase.response.headers {
            let readable = headerValueType(header.type)
            let type = readable.map { spell($0, shadowed: namespaceScope) } ?? "String"
            let property = SwiftNaming.escaped(header.swiftName)
            let declaredType = header.required ? type : type + "?"
            let text = DocumentationText.make(header.documentation).map { $0 + "\n\n" } ?? ""
            properties.append([
                "name": .string(property),
                "type": .string(declaredType),
                "doc": .string(text + "The `\(header.name)` header."),
            ])
            initArguments.append("\(property): \(declaredType)" + (header.required ? "" : " = nil"))
            let reader = header.required ? "requiredHeader" : "header"
            decodedArguments.append(
                "\(header.swiftName): try response.\(reader)(\(SwiftSyntaxFilters.swiftStringLiteral(header.name)), as: \(type).self)"
            )
        }
        return [
            "name": .string(name),
            "doc": .string(responseCase.headersDocumentation),
            "properties": .array(properties),
            "initArguments": .string(ArgumentListFormatter.format(initArguments, indent: 12)),
            "decodedArguments": .string(ArgumentListFormatter.format(decodedArguments, indent: 8)),
        ]
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
    private func pagesContext(
        _ operation: IROperation, returnType: ReturnTypeResolver,
        ordered: (leading: [IRParameter], trailing: [IRParameter]), convenience: String, typePath: String
    ) -> TemplateValue {
        guard let pagination = operation.pagination,
              let token = operation.parameters.first(where: { $0.location == .query && $0.name == pagination.cursorParameter })
        else { return .null }
        let element = pagination.itemType
        let clientSpell: (IRTypeReference) -> String = { spell($0, shadowed: Self.clientNestedTypeNames) }
        let keep = { (parameter: IRParameter) in parameter != token }
        var arguments = ordered.leading.filter(keep).map { argument($0, spell: clientSpell) }
        if let body = operation.requestBody, let content = body.preferredContent {
            let type = (body.contents.count > 1 ? typePath + ".Body" : clientSpell(content.type))
            arguments.append("body: \(type)" + (body.required ? "" : "? = nil"))
        }
        arguments += ordered.trailing.filter(keep).map { argument($0, spell: clientSpell) }
        var forwarded = ordered.leading.map(forwarding)
        if operation.requestBody?.preferredContent != nil { forwarded.append("body: body") }
        forwarded += ordered.trailing.map(forwarding)
        forwarded = forwarded.map { $0 == forwarding(token) ? "\(token.swiftName): pageToken" : $0 }
        let cases = returnType.cases.map { ["pattern": .string($0.pattern.replacingFirst("let body", with: "let items"))] as TemplateValue }
        let tokenArgument = pagination.cursorParameter == IRPagination.defaultCursorParameter
            ? "" : "(tokenParameter: \(SwiftSyntaxFilters.swiftStringLiteral(pagination.cursorParameter)))"
        return [
            "name": .string(pagination.methodName),
            "itemType": .string(clientSpell(element)),
            // `PageSequence` reads `page_token` from the `Link` URL unless told another parameter.
            "tokenArgument": .string(tokenArgument),
            "argumentList": .string(ArgumentListFormatter.format(arguments, indent: 4)),
            "forwarding": .string(ArgumentListFormatter.format(forwarded, indent: 12)),
            "successCases": .array(cases),
            "doc": .string(
                "Every page of \(convenience), fetched as you iterate:\neach request asks for the page that the "
                    + "previous response's `Link` header names `rel=\"next\"`, until one\nnames none. "
                    + "`.items` gives the `\(clientSpell(element))` values one by one.\n\n"
                    + "- Throws: While iterating, what \(convenience) throws."
            ),
        ]
    }

    private func securityLiteral(_ security: [[String]]) -> String {
        "[" + security.map { "[" + $0.map(SwiftSyntaxFilters.swiftStringLiteral).joined(separator: ", ") + "]" }
            .joined(separator: ", ") + "]"
    }

    // MARK: Documentation

    private func documentation(
        _ operation: IROperation, returnType: ReturnTypeResolver, typePath: String, example: String?
    ) -> String {
        var sections: [String] = []
        if let text = operation.documentation.text { sections.append(text) }
        sections.append("`\(operation.method) \(operation.path)` (operationId `\(operation.operationId)`)")
        if let example { sections.append("```swift\n" + example + "\n```") }
        var parameterLines: [String] = []
        // DocC wants every parameter documented: an undocumented one is described by where it goes.
        for parameter in operation.parameters {
            let text = parameter.documentation.text ?? "The `\(parameter.name)` \(parameter.location.rawValue) parameter."
            parameterLines.append(parameterDoc(parameter.valueName, text))
        }
        if let body = operation.requestBody {
            parameterLines.append(parameterDoc("body", body.documentation.text ?? "The request body."))
        }
        if !parameterLines.isEmpty {
            sections.append("- Parameters:\n" + parameterLines.joined(separator: "\n"))
        }
        var tail: [String] = []
        if let returns = returnType.documentation { tail.append("- Returns: " + returns) }
        tail.append(
            "- Throws: `OperationError<\(typePath).Response>` for any other status, documented or\n"
                + "  not; its `response` is the decoded case."
        )
        sections.append(tail.joined(separator: "\n"))
        return sections.joined(separator: "\n\n")
    }

    /// The call with the required parameters and the body, as user code outside the module writes it.
    private func usageExample(
        _ operation: IROperation, _ ordered: (leading: [IRParameter], trailing: [IRParameter]), _ returnType: ReturnTypeResolver
    ) -> String? {
        let example = UsageExample(typesByName: typesByName) { spell($0, shadowed: []) }
        var arguments = ordered.leading.map { (label: $0.swiftName, value: example.value(for: $0)) }
        if let body = operation.requestBody, let content = body.preferredContent {
            var value = example.value(of: content.type, placeholder: "body")
            if body.contents.count > 1 {
                value = value.map { ".\(SwiftNaming.memberReference(content.caseName))(\($0))" }
            }
            arguments.append((label: "body", value: value))
        }
        return example.call(method: SwiftNaming.escaped(operation.swiftName), arguments: arguments, returnType: returnType.swiftType)
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

    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
