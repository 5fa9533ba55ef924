import ArgumentParser
import KilnAPIDiff
import KilnDiagnostics
import KilnIR

/// `kiln diff OLD NEW`: the generated Swift API changes between two spec versions.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        // Named here: derived from the type, the name costs a reflection pass on every run.
        commandName: "diff",
        abstract: "Show how the generated Swift API changes between two spec versions.",
        discussion: "Exit status: 0, or 2 with --fail-on-breaking when a change is breaking; 1 when a spec has errors."
    )

    @Argument(help: "The old spec.")
    var old: String

    @Argument(help: "The new spec.")
    var new: String

    @Flag(name: .long, help: "Exit with status 2 when there is a breaking change.")
    var failOnBreaking = false

    func run() throws {
        do {
            let before = try IRLowering.lower(specAt: old, moduleName: "Diff")
            let after = try IRLowering.lower(specAt: new, moduleName: "Diff")
            let diff = APISurfaceDiff(old: APISurface(before.module), new: APISurface(after.module))
            print(diff.report(oldName: old, newName: new), terminator: "")
            if failOnBreaking && !diff.breaking.isEmpty { throw ExitCode(2) }
        } catch let error as DiagnosticError {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode.failure
        }
    }
}
