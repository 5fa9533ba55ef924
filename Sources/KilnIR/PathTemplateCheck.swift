import KilnDiagnostics
import KilnOpenAPI

/// A path template and its operation's path parameters must name the same variables: a `{id}` with
/// no parameter would go into the URL literally, and a path parameter the template lacks is sent nowhere.
enum PathTemplateCheck {
    static func check(_ path: String, parameters: [Parameter], operationLocation: SourceLocation, log: inout DiagnosticLog) {
        let variables = templateVariables(in: path)
        let declared = parameters.filter { $0.location == .path }
        let declaredNames = declared.map(\.name)
        for variable in variables where !declaredNames.contains(variable) {
            let suggestion = SpellingSuggestion.didYouMean(variable, among: declaredNames)
            log.error(
                "path '\(path)' has the variable '{\(variable)}', but the operation declares no path parameter '\(variable)'\(suggestion)",
                at: operationLocation
            )
        }
        for parameter in declared where !variables.contains(parameter.name) {
            log.warning(
                "path parameter '\(parameter.name)' is not in the path '\(path)'; its value is sent nowhere",
                at: parameter.source.location
            )
        }
    }

    /// `/users/{id}/posts/{postId}` → `["id", "postId"]`, in order.
    static func templateVariables(in path: String) -> [String] {
        var variables: [String] = []
        var rest = Substring(path)
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}") else { break }
            let name = String(rest[afterOpen..<close])
            // `{}` names nothing: it is text, not a template expression.
            if !name.isEmpty && !variables.contains(name) { variables.append(name) }
            rest = rest[rest.index(after: close)...]
        }
        return variables
    }
}
