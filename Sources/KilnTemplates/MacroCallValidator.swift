import KilnDiagnostics

/// Checks, when a template is loaded, that every `{% call %}` in it names a macro it can reach
/// and passes as many arguments as the macro has parameters, so such mistakes are load errors
/// located at the call rather than surprises halfway through a render.
enum MacroCallValidator {
    /// Returns the calls it resolved to their macros (see `MacroCall.macro`).
    static func validate(_ template: Template) throws(DiagnosticError) -> [TemplateNode.MacroCall] {
        var log = DiagnosticLog()
        var resolved: [TemplateNode.MacroCall] = []
        check(template.nodes, against: template.macros, into: &log, resolved: &resolved)
        for macro in template.ownMacros {
            check(macro.body, against: template.macros, into: &log, resolved: &resolved)
        }
        try log.throwIfErrors()
        return resolved
    }

    private static func check(
        _ nodes: [TemplateNode],
        against macros: [String: TemplateMacro],
        into log: inout DiagnosticLog,
        resolved: inout [TemplateNode.MacroCall]
    ) {
        for node in nodes {
            switch node {
            case .text, .output, .assignment, .include:
                break
            case .conditional(let conditional):
                for branch in conditional.branches {
                    check(branch.body, against: macros, into: &log, resolved: &resolved)
                }
                check(conditional.elseBody, against: macros, into: &log, resolved: &resolved)
            case .loop(let loop):
                check(loop.body, against: macros, into: &log, resolved: &resolved)
                check(loop.emptyBody, against: macros, into: &log, resolved: &resolved)
            case .indentation(let block):
                check(block.body, against: macros, into: &log, resolved: &resolved)
            case .capture(let capture):
                check(capture.body, against: macros, into: &log, resolved: &resolved)
            case .call(let call):
                check(call, against: macros, into: &log, resolved: &resolved)
            }
        }
    }

    private static func check(
        _ call: TemplateNode.MacroCall,
        against macros: [String: TemplateMacro],
        into log: inout DiagnosticLog,
        resolved: inout [TemplateNode.MacroCall]
    ) {
        guard let macro = macros[call.name] else {
            let suggestion = SpellingSuggestion.closest(to: call.name, among: macros.keys).map { " (did you mean '\($0)'?)" } ?? ""
            log.error("unknown macro '\(call.name)'\(suggestion)", at: call.location)
            return
        }
        guard call.arguments.count == macro.parameters.count else {
            log.append(.error(
                "macro '\(macro.name)' takes \(argumentCount(macro.parameters.count)), got \(call.arguments.count)",
                at: call.location
            ))
            log.append(.note("'\(macro.name)(\(macro.parameters.joined(separator: ", ")))' defined here", at: macro.location))
            return
        }
        call.resolve(to: macro)
        resolved.append(call)
    }

    static func argumentCount(_ count: Int) -> String {
        count == 1 ? "1 argument" : "\(count) arguments"
    }
}
