import ArgumentParser
import KilnDiagnostics
import KilnIR

/// `kiln validate`: every diagnostic Kiln has about a spec, and an exit status for CI.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a spec and print its diagnostics; exits 1 when there is an error."
    )

    @Argument(help: "The OpenAPI document (YAML or JSON).")
    var spec: String

    func run() throws {
        do {
            let result = try IRLowering.lower(specAt: spec, moduleName: "Validation")
            DiagnosticPrinter.print(result.diagnostics)
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode.failure
        }
    }
}
