import ArgumentParser
import Foundation
import KilnDiagnostics

/// Prints diagnostics to standard error in the `file:line:column: severity: message` form.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        let text = diagnostics.map(\.description).joined(separator: "\n") + "\n"
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Prints a successful run's warnings; with `strict`, prints them as errors and fails the command.
    static func printWarnings(_ diagnostics: [Diagnostic], strict: Bool) throws(ExitCode) {
        guard strict, diagnostics.contains(where: { $0.severity == .warning }) else {
            print(diagnostics)
            return
        }
        print(diagnostics.map { diagnostic in
            var promoted = diagnostic
            if promoted.severity == .warning { promoted.severity = .error }
            return promoted
        })
        throw ExitCode.failure
    }
}
