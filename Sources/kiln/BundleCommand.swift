import ArgumentParser
import Foundation
import KilnDiagnostics
import KilnOpenAPI

/// `kiln bundle`: a description split over many files, written as one self-contained file.
struct BundleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: "Merge a multi-file OpenAPI description into one self-contained file.",
        discussion: """
            Objects that other files or deep JSON pointers refer to are moved into components under \
            readable names and every $ref becomes a local one. The output is JSON when its name ends \
            in .json, otherwise YAML. Generating from the bundle gives the same Swift as from SPEC.
            """
    )

    @Argument(help: "The root file of the OpenAPI description (YAML or JSON).")
    var spec: String

    @Option(name: .long, help: "The file to write the bundle to (.yaml, .yml or .json).")
    var output: String

    func run() throws {
        let format: BundleFormat = output.lowercased().hasSuffix(".json") ? .json : .yaml
        do {
            let bundle = try OpenAPILoader.bundle(path: spec, format: format)
            DiagnosticPrinter.print(bundle.warnings)
            try write(bundle.text)
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode.failure
        }
    }

    private func write(_ text: String) throws(DiagnosticError) {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw DiagnosticError(.error("cannot write '\(output)': \(error.localizedDescription)", at: nil))
        }
    }
}
