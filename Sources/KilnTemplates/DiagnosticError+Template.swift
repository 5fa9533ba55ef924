import KilnDiagnostics

extension DiagnosticError {
    /// The single-error form every template error takes.
    static func template(_ message: String, at location: SourceLocation?) -> DiagnosticError {
        DiagnosticError(.error(message, at: location))
    }

    /// Most include notes a diagnostic collects. A runaway recursive include would otherwise add
    /// one identical note per level; the innermost few show the cycle well enough.
    static let maximumIncludeNotes = 8

    /// Adds "'name' included from here" at an include tag, so an error inside a partial also
    /// shows which template pulled it in.
    func included(as name: String, at location: SourceLocation) -> DiagnosticError {
        let notes = diagnostics.filter { $0.severity == .note }.count
        guard notes < Self.maximumIncludeNotes else { return self }
        return DiagnosticError(diagnostics + [.note("'\(name)' included from here", at: location)])
    }

    /// Adds "in macro 'name' called from here" at a call tag, as `included` does for includes.
    func called(_ name: String, at location: SourceLocation) -> DiagnosticError {
        let notes = diagnostics.filter { $0.severity == .note }.count
        guard notes < Self.maximumIncludeNotes else { return self }
        return DiagnosticError(diagnostics + [.note("in macro '\(name)' called from here", at: location)])
    }
}
