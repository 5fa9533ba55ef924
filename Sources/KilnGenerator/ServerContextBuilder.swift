import KilnIR
import KilnTemplates

/// Turns IR operations into the contexts of the server templates (`Server.*.stencil`): the
/// `Operations.X.Input` structs, how the router reads them from a request, and how each
/// `Operations.X.Response` case is written back as an `HTTPResponse`.
struct ServerContextBuilder {
    /// Every generated type by qualified name, to see aliases and enums behind names.
    let typesByName: [String: IRType]
    /// Spells types the way the client code does (shared so both sides agree).
    let operationBuilder: OperationContextBuilder

    func context(for operation: IROperation) -> TemplateValue {
        let typePath = "Operations." + operation.typeName
        let scope = namespaceScope(of: operation)
        let spell: (IRTypeReference) -> String = { operationBuilder.spell($0, shadowed: scope) }

        let required = operation.parameters.filter(\.required)
        let leading = required.filter { $0.location == .path } + required.filter { $0.location != .path }
        let trailing = operation.parameters.filter { !$0.required }
        let content = operation.requestBody?.preferredContent
        let multipleBodies = (operation.requestBody?.contents.count ?? 0) > 1

        var properties: [TemplateValue] = []
        var initArguments: [String] = []
        var readArguments: [String] = []
        func addParameter(_ parameter: IRParameter) {
            let name = SwiftNaming.escaped(parameter.swiftName)
            let type = spell(parameter.type)
            let declared = parameter.required ? type : type + "?"
            let where_ = "`\(parameter.name)` \(parameter.location.rawValue) parameter"
            let doc = (parameter.documentation.text.map { $0 + "\n\n" } ?? "") + "The " + where_ + "."
            properties.append(["name": .string(name), "type": .string(declared), "doc": .string(doc)])
            initArguments.append("\(name): \(declared)" + (parameter.required ? "" : " = nil"))
            readArguments.append("\(parameter.swiftName): " + readExpression(parameter, spell: spell))
        }
        leading.forEach(addParameter)
        var bodyStatement: String?
        if let body = operation.requestBody, let content {
            let type = multipleBodies ? typePath + ".Body" : spell(content.type)
            let declared = body.required ? type : type + "?"
            properties.append([
                "name": "body", "type": .string(declared),
                "doc": .string(body.documentation.text ?? "The request body."),
            ])
            initArguments.append("body: \(declared)" + (body.required ? "" : " = nil"))
            readArguments.append("body: body")
            bodyStatement = bodyReadStatement(body, declared: declared, multiple: multipleBodies, spell: spell)
        }
        trailing.forEach(addParameter)

        let responseCases = ResponseCase.cases(for: operation, spell: spell)
        return [
            "name": .string(SwiftNaming.escaped(operation.swiftName)),
            "operationId": .string(operation.operationId),
            "typeName": .string(operation.typeName),
            "typePath": .string(typePath),
            "method": .string(operation.method.rawValue),
            "path": .string(operation.path),
            "handlerDoc": .string(handlerDocumentation(operation, typePath: typePath)),
            "inputDoc": .string("The parameters and body of a `\(operation.method) \(operation.path)` request, as the server receives them."),
            "inputProperties": .array(properties),
            "inputInitArguments": .string(ArgumentListFormatter.format(initArguments, indent: 8)),
            "bodyStatement": TemplateValue(bodyStatement),
            "readArguments": .string(ArgumentListFormatter.format(readArguments, indent: 8)),
            "responseCases": .array(responseCases.map(responseWriting)),
            "headerWriters": .array(responseCases.compactMap(headerWriter)),
        ]
    }

    /// Names that a model type cannot be referred to by inside `Operations.X`.
    private func namespaceScope(of operation: IROperation) -> Set<String> {
        var names = operationBuilder.operationTypeNames.union(SwiftNamer.operationNamespaceMembers).union(["Input"])
        for response in operation.responses {
            if let headersTypeName = response.headersTypeName { names.insert(headersTypeName) }
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

    /// `try request.parameter(.query, "flow", as: String.self).required("…")`: the inverse of the
    /// client's `addQuery`/`setPath`/`setHeader`/`addCookie` statement for the parameter.
    private func readExpression(_ parameter: IRParameter, spell: (IRTypeReference) -> String) -> String {
        let name = SwiftSyntaxFilters.swiftStringLiteral(parameter.name)
        let location = "." + parameter.location.rawValue
        var options = ""
        let defaultStyle = IRParameterStyle.default(for: parameter.location)
        if parameter.style != defaultStyle { options += ", style: .\(parameter.style.rawValue)" }
        if parameter.explode != defaultStyle.explodesByDefault { options += ", explode: \(parameter.explode)" }
        let textual: Bool
        if case .array(let element) = resolved(parameter.type) { textual = isTextual(element) } else { textual = isTextual(parameter.type) }
        let function = textual ? "parameter" : "jsonParameter"
        let read = "try request.\(function)(\(location), \(name), as: \(spell(parameter.type)).self\(textual ? options : ""))"
        return parameter.required ? read + ".required(\(location), \(name))" : read
    }

    /// `let body = …`: decoded by media type; a `switch` on the `Content-Type` for several.
    private func bodyReadStatement(
        _ body: IRRequestBody, declared: String, multiple: Bool, spell: (IRTypeReference) -> String
    ) -> String {
        var lines: [String]
        if multiple {
            lines = ["switch request.mediaType {"]
            for content in body.contents {
                lines.append("case \(SwiftSyntaxFilters.swiftStringLiteral(content.mediaType.base)):")
                lines.append("    body = .\(SwiftNaming.memberReference(content.caseName))(\(bodyRead(content, spell: spell)))")
            }
            lines += ["default:", "    throw ServerRequestError.unsupportedMediaType(request.mediaType)", "}"]
        } else {
            lines = ["body = " + bodyRead(body.preferredContent!, spell: spell)]
        }
        if !body.required {
            lines = ["if !request.hasBody {", "    body = nil", "} else {"] + lines.map { "    " + $0 } + ["}"]
        }
        return (["let body: \(declared)"] + lines).joined(separator: "\n")
    }

    /// The inverse of the client's `bodyCall`: the same coding, read.
    private func bodyRead(_ content: IRRequestBody.Content, spell: (IRTypeReference) -> String) -> String {
        let type = spell(content.type)
        switch content.coding {
        case .json: return "try request.jsonBody(\(type).self)"
        case .urlEncodedForm: return "try request.formBody(\(type).self)"
        case .multipartForm: return "try request.multipartBody(\(type).self)"
        case .bytes: return "request.dataBody()"
        case .text: return "request.textBody()"
        }
    }

    // MARK: Writing a response

    /// A `case` of `httpResponse()`: the inverse of the case's `construction` in `init(decoding:)`.
    private func responseWriting(_ responseCase: ResponseCase) -> TemplateValue {
        let member = "." + SwiftNaming.memberReference(responseCase.name)
        var bindings: [String] = []
        let status: String
        switch responseCase.status {
        case .code(let code): status = String(code)
        case .range, .default:
            status = "statusCode"
            bindings.append("let statusCode")
        }
        if responseCase.bodyType != nil { bindings.append("let body") }
        if responseCase.headersType != nil { bindings.append("let headers") }
        let pattern = bindings.isEmpty ? member : "\(member)(\(bindings.joined(separator: ", ")))"

        var make = "HTTPResponse(statusCode: \(status))"
        let response = responseCase.response
        if responseCase.bodyType != nil, let mediaType = response.mediaType, let coding = response.coding {
            let contentType = coding.explicitContentType(for: mediaType)
                .map { ", contentType: " + SwiftSyntaxFilters.swiftStringLiteral($0) } ?? ""
            switch coding {
            case .text: make = "HTTPResponse(statusCode: \(status), text: body\(contentType))"
            case .bytes: make = "HTTPResponse(statusCode: \(status), bytes: body\(contentType))"
            case .json, .urlEncodedForm, .multipartForm: make = "try HTTPResponse(statusCode: \(status), json: body\(contentType))"
            }
        }
        let statements: [String]
        if responseCase.headersType != nil {
            statements = ["var response = \(make)", "try headers.write(to: &response)", "return response"]
        } else {
            statements = ["return " + make]
        }
        return ["pattern": .string(pattern), "statements": .array(statements.map(TemplateValue.string))]
    }

    private func headerWriter(_ responseCase: ResponseCase) -> TemplateValue? {
        guard let name = responseCase.headersType else { return nil }
        let statements = responseCase.response.headers.map { header in
            "try response.setHeader(\(SwiftSyntaxFilters.swiftStringLiteral(header.name)), \(SwiftNaming.escaped(header.swiftName)))"
        }
        return ["name": .string(name), "statements": .array(statements.map(TemplateValue.string))]
    }

    // MARK: Documentation

    private func handlerDocumentation(_ operation: IROperation, typePath: String) -> String {
        var text = ""
        if let summary = operation.documentation.text?.split(separator: "\n").first {
            text = String(summary) + "\n\n"
        }
        return text + "`\(operation.method) \(operation.path)` (operationId `\(operation.operationId)`): "
            + "answer with a case of\n``\(typePath.replacingDots)/Response``; a thrown error is answered with HTTP 500."
    }
}
