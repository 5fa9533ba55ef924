import Foundation

/// Reads the operations from the ExDoc text of the Elixir `ory_client` package's `Ory.Api.Frontend`
/// module (openapi-generator `elixir`). The page covers the operations tagged Frontend only.
///
/// Each function's section starts with `Link to this function`, then its head and a parameter list:
///
///     update_login_flow(connection, flow, update_login_flow_body, opts \\ [])
///     …
///       • connection (Ory.Connection): Connection to server
///       • flow (String.t): The Login Flow ID …
///       • update_login_flow_body (UpdateLoginFlowBody):
///       • opts (keyword): Optional parameters
///         • :"X-Session-Token" (String.t): …
///         • :Cookie (String.t): …
///
/// Positional arguments between `connection` and `opts` are required; the `opts` keywords are
/// optional. The body is the argument whose type is a model (a bare module name such as
/// `UpdateLoginFlowBody`; scalars read `String.t`, `integer()`, `boolean()`); an optional body
/// would be the `:body` keyword.
enum ElixirSeedDocumentation {
    static func operations(in text: String) throws -> [SeedOperation] {
        let seed = "Elixir ory_client"
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let starts = lines.indices.filter { lines[$0] == "Link to this function" }

        return try starts.enumerated().map { position, start in
            let end = position + 1 < starts.count ? starts[position + 1] : lines.count
            let section = lines[(start + 1)..<end].filter { !$0.isEmpty }
            guard let head = section.first?.wholeMatch(of: #/([a-z]\w*)\(connection((?:, \w+)*), opts \\\\ \[\]\)/#) else {
                throw SeedDocumentationError(seed, "unreadable function head after line \(start + 1): \(section.first ?? "")")
            }
            let name = String(head.1)
            let positional = head.2.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }

            var types: [String: String] = [:]
            var options: [String] = []
            var inParameters = false
            for line in section {
                if line == "Parameters" { inParameters = true; continue }
                if line == "Returns" { break }
                guard inParameters else { continue }
                if let match = line.wholeMatch(of: #/  • (\w+) \(((?:[^()]|\(\))*)\):.*/#) {
                    types[String(match.1)] = String(match.2)
                } else if let match = line.wholeMatch(of: #/    • :(?:"([^"]+)"|(\w+)) \(((?:[^()]|\(\))*)\):.*/#) {
                    guard let option = match.1 ?? match.2 else { continue }
                    options.append(String(option))
                } else {
                    throw SeedDocumentationError(seed, "\(name): unexpected line in Parameters: \(line)")
                }
            }
            guard types["connection"] != nil, types["opts"] == "keyword" else {
                throw SeedDocumentationError(seed, "\(name): Parameters do not list connection and opts")
            }

            var parameters: [SeedParameter] = []
            var body: SeedRequestBody?
            for argument in positional {
                guard let type = types[argument] else {
                    throw SeedDocumentationError(seed, "\(name): argument \(argument) is not in Parameters")
                }
                if type.wholeMatch(of: #/[A-Z][A-Za-z0-9]*/#) != nil {
                    guard body == nil else { throw SeedDocumentationError(seed, "\(name): two bodies") }
                    body = SeedRequestBody(name: argument, required: true)
                } else {
                    parameters.append(SeedParameter(name: argument, required: true))
                }
            }
            for option in options {
                if option == "body" {
                    guard body == nil else { throw SeedDocumentationError(seed, "\(name): two bodies") }
                    body = SeedRequestBody(name: option, required: false)
                } else {
                    parameters.append(SeedParameter(name: option, required: false))
                }
            }
            return SeedOperation(name: name, parameters: parameters, body: body, method: nil, path: nil)
        }
    }
}
