import ArgumentParser
import KilnDiagnostics
import KilnIR

/// `kiln validate`: every diagnostic Kiln has about a spec, and an exit status for CI.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        // Named here: derived from the type, the name costs a reflection pass on every run.
        commandName: "validate",
        abstract: "Check a spec and print its diagnostics; exits 1 when there is an error (or, with --strict, a warning)."
    )

    @Argument(help: "The OpenAPI document (YAML or JSON).")
    var spec: String

    @Flag(name: .long, help: "Treat warnings as errors (for CI).")
    var strict = false

    func run() throws {
        let result: IRLowering.Result
        do {
            result = try IRLowering.lower(specAt: spec, moduleName: "Validation")
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode.failure
        }
        try DiagnosticPrinter.printWarnings(result.diagnostics, strict: strict)
    }
}
