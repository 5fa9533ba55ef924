import Foundation

/// Reads the operations from the YARD text of the Ruby `ory-client` gem's `OryClient::V0alpha2Api` page.
///
/// The page documents each operation twice (`admin_get_identity(id, opts = {})` and
/// `admin_get_identity_with_http_info(id, opts = {})`) and shows the source of both. Its YARD
/// headings are damaged in places (`#admin_create_self_service_recovery_link` has no heading, and
/// some source lines read `def (flow, opts = {})`, the name lost), so the parser reads the source of
/// each `…_with_http_info` method, which is complete:
///
///     def (flow, opts = {})                                   ← positional arguments are required
///       … 'Calling API: V0alpha2Api.submit_self_service_login_flow ...'
///       fail ArgumentError, "Missing the required parameter 'flow' when calling V0alpha2Api.submit_self_service_login_flow"
///       local_var_path = '/api/kratos/public/self-service/login'   (path parameters: .sub('{' + 'id' + '}', …))
///       query_params[:'flow'] = flow                          ← from a positional argument: required
///       header_params[:'X-Session-Token'] = opts[:'x_session_token'] if …   ← from `opts`: optional
///       post_body = opts[:debug_body] || @api_client.object_to_http_body(opts[:'submit_self_service_login_flow_body'])
///       … @api_client.call_api(:POST, local_var_path, new_options)
///
/// The positional arguments, the "Missing the required parameter" checks and the parameters not
/// taken from `opts` must agree, or parsing fails. Paths are returned as the gem writes them (with
/// the Ory Network prefix `/api/kratos/admin` or `/api/kratos/public`).
enum RubySeedDocumentation {
    static func operations(in text: String) throws -> [SeedOperation] {
        let seed = "Ruby ory-client"
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let definitions = lines.indices.filter { lines[$0].hasPrefix("def ") }

        var operations: [SeedOperation] = []
        for (position, start) in definitions.enumerated() {
            let end = position + 1 < definitions.count ? definitions[position + 1] : lines.count
            let chunk = Array(lines[start..<end])
            guard let calling = chunk.lazy.compactMap({ $0.firstMatch(of: #/'Calling API: (\w+)\.(\w+) \.\.\.'/#) }).first else {
                continue  // not a `…_with_http_info` implementation
            }
            let name = String(calling.2)
            guard let definition = chunk[0].wholeMatch(of: #/def (\w*)\((.*)\)/#) else {
                throw SeedDocumentationError(seed, "\(name): unreadable definition \(chunk[0])")
            }
            // A lost name (`def (…)`) is a rendering defect of the page; a different name is not.
            guard definition.1.isEmpty || definition.1 == "\(name)_with_http_info" else {
                throw SeedDocumentationError(seed, "\(name): implemented by \(definition.1)")
            }
            let positional = Set(
                definition.2.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.hasPrefix("opts") }
            )
            var checked: Set<String> = []
            var parameters: [SeedParameter] = []
            var body: SeedRequestBody?
            var method: String?
            var path: String?
            for line in chunk {
                if let match = line.firstMatch(of: #/Missing the required parameter '(\w+)' when calling \w+\.(\w+)"/#) {
                    guard match.2 == name else { throw SeedDocumentationError(seed, "\(name): check for \(match.2)") }
                    checked.insert(String(match.1))
                }
                if let match = line.firstMatch(of: #/local_var_path = '([^']+)'/#) {
                    path = String(match.1)
                    for parameter in line.matches(of: #/\.sub\('\{' \+ '([^']+)' \+ '\}', CGI\.escape\((\w+)\.to_s\)\)/#) {
                        guard positional.contains(String(parameter.2)) else {
                            throw SeedDocumentationError(seed, "\(name): path parameter \(parameter.1) not positional")
                        }
                        parameters.append(SeedParameter(name: String(parameter.1), required: true))
                    }
                }
                if let match = line.wholeMatch(of: #/\s*(?:query|header)_params\[:'([^']+)'\] = (.+)/#) {
                    let fromOptions = match.2.contains("opts[:")
                    parameters.append(SeedParameter(name: String(match.1), required: !fromOptions))
                }
                if let match = line.wholeMatch(of: #/\s*post_body = opts\[:debug_body\](?: \|\| @api_client\.object_to_http_body\((.+)\))?/#) {
                    if let argument = match.1 {
                        if let option = argument.wholeMatch(of: #/opts\[:'(\w+)'\]/#) {
                            body = SeedRequestBody(name: String(option.1), required: false)
                        } else {
                            body = SeedRequestBody(name: String(argument), required: true)
                        }
                    }
                }
                if let match = line.firstMatch(of: #/call_api\(:([A-Z]+), local_var_path/#) {
                    method = String(match.1)
                }
            }
            guard let method, let path else {
                throw SeedDocumentationError(seed, "\(name): no call_api or no local_var_path")
            }
            // The three descriptions of "required" must agree.
            var requiredNames = Set(parameters.filter { $0.required == true }.map { rubyArgumentName($0.name) })
            if let body, body.required == true { requiredNames.insert(body.name) }
            guard requiredNames == positional, checked == positional else {
                throw SeedDocumentationError(
                    seed, "\(name): positional \(positional.sorted()), checked \(checked.sorted()), sent as required \(requiredNames.sorted())"
                )
            }
            operations.append(SeedOperation(name: name, parameters: parameters, body: body, method: method, path: path))
        }
        return operations
    }

    /// The Ruby argument of a parameter: `id` for `id`, `x_session_token` for `X-Session-Token`.
    private static func rubyArgumentName(_ parameter: String) -> String {
        parameter.lowercased().replacingOccurrences(of: "-", with: "_")
    }
}
