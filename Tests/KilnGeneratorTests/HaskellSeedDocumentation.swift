import Foundation

/// Reads the operations from the Haddock text of the Haskell `ory-kratos` package (servant bindings).
///
/// Two parts of the page describe each operation, in the same order:
/// - the fields of `data OryKratosBackend`, one per operation: `  • adminGetIdentity :: Text -> Maybe [Text] -> m (Identity …)`,
///   giving the name and the argument types;
/// - the servant type `type OryKratosAPI … = ("admin" :> ("identities" :> (Capture "id" Text :> … Verb 'GET 200 …))) :<|> …`,
///   one route per operation (and a final `Raw`), giving the method, the path and, in argument order, the
///   name of each `Capture`, `QueryParam` and `Header` and where the `ReqBody` goes.
/// Zipping both gives each argument's spec name and whether it is `Maybe`.
///
/// What the Haskell signatures do not tell, because of how openapi-generator's haskell-servant
/// generator writes them (a property of that generator, not of the API):
/// - `QueryParam` and `Header` arguments are always `Maybe`, required in the spec or not (Kratos's
///   required `flow` query parameter of `submitSelfServiceLoginFlow` is `Maybe Text`): their
///   required-ness is recorded as unknown, unless an argument is not `Maybe`;
/// - `ReqBody` is always mandatory in servant, required in the spec or not (`adminCreateIdentity`'s
///   optional body is a plain `AdminCreateIdentityBody` argument): a body's required-ness is unknown.
/// `Capture` (path) arguments are plain types and required, as path parameters always are.
enum HaskellSeedDocumentation {
    private enum InputKind {
        case capture, query, header, body
    }

    private struct Route {
        var method: String
        var path: String
        var inputs: [(kind: InputKind, name: String)]
    }

    static func operations(in text: String) throws -> [SeedOperation] {
        let seed = "Haskell ory-kratos"
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)

        // The record fields of the backend, up to the next top-level declaration.
        guard let backendStart = lines.firstIndex(where: { $0.hasPrefix("data OryKratosBackend ") }) else {
            throw SeedDocumentationError(seed, "no `data OryKratosBackend` declaration")
        }
        var fields: [(name: String, arguments: [String])] = []
        for line in lines[backendStart...].dropFirst() {
            if line.hasPrefix("createOryKratosClient ::") { break }
            guard let match = line.wholeMatch(of: #/\s*•\s+([a-z][A-Za-z0-9_']*) :: (.+)/#) else { continue }
            let types = match.2.components(separatedBy: " -> ").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let result = types.last, result.hasPrefix("m ") else {
                throw SeedDocumentationError(seed, "field \(match.1) does not end in a monadic result: \(match.2)")
            }
            fields.append((String(match.1), Array(types.dropLast())))
        }

        // The servant routes.
        guard let apiLine = lines.first(where: { $0.hasPrefix("type OryKratosAPI ") }),
              let equals = apiLine.range(of: " = ")
        else {
            throw SeedDocumentationError(seed, "no `type OryKratosAPI … =` declaration")
        }
        var routes: [Route] = []
        var routesWithoutVerb: [String] = []
        for chunk in apiLine[equals.upperBound...].components(separatedBy: ":<|>") {
            if let route = try route(from: chunk, seed: seed) {
                routes.append(route)
            } else {
                routesWithoutVerb.append(chunk.trimmingCharacters(in: .whitespaces))
            }
        }
        // The last alternative serves anything else (`Raw`); it is not an operation.
        guard routesWithoutVerb.count == 1, routesWithoutVerb[0].hasPrefix("Raw") else {
            throw SeedDocumentationError(seed, "alternatives without a Verb other than the final Raw: \(routesWithoutVerb)")
        }
        guard fields.count == routes.count else {
            throw SeedDocumentationError(seed, "\(fields.count) backend fields but \(routes.count) servant routes")
        }

        return try zip(fields, routes).map { field, route in
            guard field.arguments.count == route.inputs.count else {
                throw SeedDocumentationError(
                    seed, "\(field.name) takes \(field.arguments.count) arguments but its route has \(route.inputs.count) inputs"
                )
            }
            var parameters: [SeedParameter] = []
            var body: SeedRequestBody?
            for (argument, input) in zip(field.arguments, route.inputs) {
                let isMaybe = argument.hasPrefix("Maybe ")
                switch input.kind {
                case .body:
                    guard body == nil, !isMaybe else {
                        throw SeedDocumentationError(seed, "\(field.name): unexpected body argument \(argument)")
                    }
                    // servant's ReqBody is mandatory whatever the spec says: unknown (see above).
                    body = SeedRequestBody(name: argument, required: nil)
                case .capture:
                    guard !isMaybe else {
                        throw SeedDocumentationError(seed, "\(field.name): optional path capture \(input.name)")
                    }
                    parameters.append(SeedParameter(name: input.name, required: true))
                case .query, .header:
                    // servant's QueryParam and Header are Maybe whatever the spec says: unknown (see above).
                    parameters.append(SeedParameter(name: input.name, required: isMaybe ? nil : true))
                }
            }
            return SeedOperation(
                name: field.name, parameters: parameters, body: body, method: route.method, path: route.path
            )
        }
    }

    /// One alternative of the servant type, or `nil` when it has no `Verb` (the final `Raw`).
    private static func route(from chunk: String, seed: String) throws -> Route? {
        var method: String?
        var segments: [String] = []
        var inputs: [(kind: InputKind, name: String)] = []
        let pattern = #/(Capture|QueryParam|Header) "([^"]+)"|(ReqBody) '\[[A-Za-z, ]+\] (\S+)|Verb '([A-Z]+)|"([^"]*)"/#
        for match in chunk.matches(of: pattern) {
            if let kind = match.1, let name = match.2 {
                switch kind {
                case "Capture":
                    inputs.append((.capture, String(name)))
                    segments.append("{\(name)}")
                case "QueryParam": inputs.append((.query, String(name)))
                default: inputs.append((.header, String(name)))
                }
            } else if match.3 != nil, let type = match.4 {
                inputs.append((.body, String(type)))
            } else if let verb = match.5 {
                guard method == nil else { throw SeedDocumentationError(seed, "two verbs in one route: \(chunk)") }
                method = String(verb)
            } else if let segment = match.6 {
                guard method == nil else { throw SeedDocumentationError(seed, "path segment after the verb: \(chunk)") }
                segments.append(String(segment))
            }
        }
        guard let method else { return nil }
        return Route(method: method, path: "/" + segments.joined(separator: "/"), inputs: inputs)
    }
}
