import ArgumentParser
import Foundation
import KilnDiagnostics
import KilnGenerator

/// `kiln generate`: spec in, a directory of Swift files out.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate the Swift client for a spec into a directory.",
        discussion: """
            The output directory is only written after the whole client was generated in memory: \
            a failed run leaves previous output untouched. Unchanged files keep their timestamps.
            """
    )

    @Option(name: .long, help: "The OpenAPI document (YAML or JSON).")
    var spec: String

    @Option(name: .long, help: "The directory to write the generated Swift files into.")
    var output: String

    @Option(name: .long, help: "The Swift module name the files compile into.")
    var moduleName: String

    @Option(name: .long, help: "A directory of templates overriding the built-in ones by file name.")
    var templates: String?

    @Option(name: .long, help: "Access level of generated declarations: public, package or internal.")
    var accessModifier: String = "public"

    @Flag(name: .long, help: "Print nothing but diagnostics.")
    var quiet = false

    func validate() throws {
        guard ["public", "package", "internal"].contains(accessModifier) else {
            throw ValidationError("--access-modifier must be public, package or internal")
        }
    }

    func run() throws {
        let options = GeneratorOptions(moduleName: moduleName, accessModifier: accessModifier, templatesDirectory: templates)
        do {
            let generation = try Generation.run(specPath: spec, options: options)
            DiagnosticPrinter.print(generation.diagnostics)
            let summary = try OutputWriter(directory: output).write(generation.files)
            if !quiet {
                print("kiln: \(generation.files.count) files in \(output) (\(summary.written.count) written, \(summary.unchanged.count) unchanged, \(summary.removed.count) removed)")
            }
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode.failure
        }
    }
}
