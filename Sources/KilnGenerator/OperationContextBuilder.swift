import KilnIR
import KilnTemplates

/// Turns IR operations into the context of `Operations.swift.stencil`: signatures, statements, docs.
struct OperationContextBuilder {
    /// Every generated type by qualified name, to know which can be sent as a parameter as is.
    let typesByName: [String: IRType]

    func context(for operation: IROperation) -> TemplateValue {
        let ordered = orderedParameters(operation)
        let returnType = ReturnTypeResolver(operation: operation)
        var arguments = ordered.leading.map(argument)
        if let body = operation.requestBody, let content = body.preferredContent {
            arguments.append("body: \(content.type.swiftName)" + (body.required ? "" : "? = nil"))
        }
        arguments += ordered.trailing.map(argument)
        return [
            "name": .string(SwiftNaming.escaped(operation.swiftName)),
            "operationId": .string(operation.operationId),
            "method": .string(operation.method),
            "path": .string(operation.path),
            "deprecated": .bool(operation.documentation.deprecated),
            "doc": .string(documentation(operation, returnType: returnType)),
            "argumentList": .string(ArgumentListFormatter.format(arguments, indent: 4)),
            "returnType": TemplateValue(returnType.swiftType),
            "parameters": .array(operation.parameters.map(parameterContext)),
            "body": bodyContext(operation.requestBody),
            "security": .string(securityLiteral(operation.security)),
            "successResponses": .array(returnType.cases.map { ["match": .string($0.match), "returnStatement": .string($0.statement)] }),
        ]
    }

    // MARK: Signature

    /// Required parameters (path ones first) lead; optional ones follow the body with `= nil`.
    private func orderedParameters(_ operation: IROperation) -> (leading: [IRParameter], trailing: [IRParameter]) {
        let required = operation.parameters.filter(\.required)
        let pathFirst = required.filter { $0.location == .path } + required.filter { $0.location != .path }
        return (pathFirst, operation.parameters.filter { !$0.required })
    }

    private func argument(_ parameter: IRParameter) -> String {
        let name = SwiftNaming.escaped(parameter.swiftName)
        return parameter.required ? "\(name): \(parameter.type.swiftName)" : "\(name): \(parameter.type.swiftName)? = nil"
    }

    // MARK: Statements

    private func parameterContext(_ parameter: IRParameter) -> TemplateValue {
        ["statement": .string(parameterStatement(parameter))]
    }

    private func parameterStatement(_ parameter: IRParameter) -> String {
        let name = SwiftSyntaxFilters.swiftStringLiteral(parameter.name)
        var value = SwiftNaming.escaped(parameter.swiftName)
        var isArray = false
        if case .array(let element) = parameter.type, isParameterEncodable(element) {
            isArray = true
        } else if !isParameterEncodable(parameter.type) {
            // Objects and maps travel as JSON text; deepObject styles come with the full parameter support.
            value = parameter.required ? "try JSONValue(encoding: \(value))" : "try \(value).map { try JSONValue(encoding: $0) }"
        }
        switch parameter.location {
        case .path: return "request.setPath(\(name), \(value))"
        case .query: return isArray ? "request.addQuery(\(name), \(value), explode: \(parameter.explode))" : "request.addQuery(\(name), \(value))"
        case .header: return "request.setHeader(\(name), \(value))"
        case .cookie: return "request.addCookie(\(name), \(value))"
        }
    }

    /// Builtins, enums and aliases of those conform to the generated `ParameterValue`.
    private func isParameterEncodable(_ type: IRTypeReference) -> Bool {
        switch type {
        case .builtin: return true
        case .array, .dictionary: return false
        case .named(let name):
            switch typesByName[name]?.kind {
            case .enumeration?: return true
            case .alias(let target)?: return isParameterEncodable(target)
            default: return false
            }
        }
    }

    private func bodyContext(_ body: IRRequestBody?) -> TemplateValue {
        guard let body, let content = body.preferredContent else { return .null }
        let call: String
        let mediaType = SwiftSyntaxFilters.swiftStringLiteral(content.mediaType)
        if content.mediaType.isJSONMediaType {
            call = content.mediaType == "application/json" ? "try request.setJSONBody(body)" : "try request.setJSONBody(body, contentType: \(mediaType))"
        } else if content.mediaType == "application/x-www-form-urlencoded" {
            call = "try request.setFormBody(body)"
        } else if content.type == .builtin(.data) {
            call = "request.setDataBody(body, contentType: \(mediaType))"
        } else if content.type == .builtin(.string) {
            call = "request.setTextBody(body, contentType: \(mediaType))"
        } else {
            call = "try request.setJSONBody(body, contentType: \(mediaType))"
        }
        return ["statement": .string(body.required ? call : "if let body { \(call) }")]
    }

    private func securityLiteral(_ security: [[String]]) -> String {
        "[" + security.map { "[" + $0.map(SwiftSyntaxFilters.swiftStringLiteral).joined(separator: ", ") + "]" }
            .joined(separator: ", ") + "]"
    }

    // MARK: Documentation

    private func documentation(_ operation: IROperation, returnType: ReturnTypeResolver) -> String {
        var sections: [String] = []
        if let text = operation.documentation.text { sections.append(text) }
        var parameterLines: [String] = []
        // Undocumented parameters are left out rather than listed with an empty description.
        for parameter in operation.parameters {
            guard let text = parameter.documentation.text else { continue }
            parameterLines.append(parameterDoc(SwiftNaming.escaped(parameter.swiftName), text))
        }
        if let body = operation.requestBody {
            parameterLines.append(parameterDoc("body", body.documentation.text ?? "The request body."))
        }
        if !parameterLines.isEmpty {
            sections.append("- Parameters:\n" + parameterLines.joined(separator: "\n"))
        }
        var tail: [String] = []
        if let returns = returnType.documentation { tail.append("- Returns: " + returns) }
        tail.append("- Throws: `APIError` when the server answers with any other status.")
        sections.append(tail.joined(separator: "\n"))
        sections.append("`\(operation.method) \(operation.path)` (operationId `\(operation.operationId)`)")
        return sections.joined(separator: "\n\n")
    }

    private func parameterDoc(_ name: String, _ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let body = lines.map(String.init).joined(separator: "\n    ")
        return "  - \(name): \(body)".trailingWhitespaceTrimmed
    }
}
