import ArgumentParser
import Foundation
import KilnConfiguration
import KilnDiagnostics
import KilnGenerator

/// `kiln generate`: spec in, a directory of Swift files out.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        // Named here: derived from the type, the name costs a reflection pass on every run.
        commandName: "generate",
        abstract: "Generate the Swift client for a spec into a directory.",
        discussion: """
            Settings come from --config (kiln-config.yaml) and from flags; a flag wins over the file. \
            Files are staged beside the output directory as they are generated and swapped in \
            once all are: a failed run leaves previous output untouched. Unchanged files keep their timestamps.
            """
    )

    @Option(name: .long, help: "The OpenAPI document (YAML or JSON).")
    var spec: String

    @Option(name: .long, help: "The directory to write the generated Swift files into.")
    var output: String

    @Option(name: .long, help: "The Swift module name the files compile into (or moduleName in the config).")
    var moduleName: String?

    @Option(name: .long, help: "A kiln-config.yaml with generation settings.")
    var config: String?

    @Option(name: .long, help: "A directory of templates overriding the built-in ones by file name.")
    var templates: String?

    @Option(name: .long, help: "Access level of generated declarations: public, package or internal.")
    var accessModifier: String?

    @Option(name: .long, help: "tree (one file per type, for checked-in code) or sharded (fixed file names, for build plugins).")
    var layout: String?

    @Option(name: .long, parsing: .upToNextOption, help: "Parts to generate: models, client, server, mocks (default: models client).")
    var generate: [String] = []

    @Option(name: .long, help: "Generate only operations with this tag (repeatable).")
    var includeTag: [String] = []

    @Option(name: .long, help: "Leave out operations with this tag (repeatable).")
    var excludeTag: [String] = []

    @Option(name: .long, help: "Generate only this operationId (repeatable).")
    var includeOperation: [String] = []

    @Option(name: .long, help: "Leave out this operationId (repeatable).")
    var excludeOperation: [String] = []

    @Option(name: .long, help: "A module every generated file imports (repeatable).")
    var additionalImport: [String] = []

    @Option(name: .long, help: "schema=SwiftType: use your own type for a schema (repeatable).")
    var typeOverride: [String] = []

    @Option(name: .long, help: "An HTTP transport to emit: urlSession or asyncHTTPClient (repeatable; default: urlSession).")
    var transport: [String] = []

    @Flag(name: .long, help: "Print nothing but diagnostics.")
    var quiet = false

    @Flag(name: .long, help: "Treat warnings as errors: print them as errors and write nothing (for CI).")
    var strict = false

    func validate() throws {
        if let accessModifier, !["public", "package", "internal"].contains(accessModifier) {
            throw ValidationError("--access-modifier must be public, package or internal")
        }
        if let layout, GeneratorOptions.Layout(rawValue: layout) == nil {
            throw ValidationError("--layout must be tree or sharded")
        }
        for part in generate where GeneratorOptions.Part(rawValue: part) == nil {
            throw ValidationError("--generate takes models, client, server and/or mocks, not '\(part)'")
        }
        for name in transport where GeneratorOptions.Transport(rawValue: name) == nil {
            let suggestion = SpellingSuggestion.didYouMean(name, among: GeneratorOptions.Transport.allCases.map(\.rawValue))
            throw ValidationError("--transport takes urlSession or asyncHTTPClient, not '\(name)'\(suggestion)")
        }
        for override in typeOverride where !override.contains("=") {
            throw ValidationError("--type-override takes schema=SwiftType, not '\(override)'")
        }
    }

    func run() throws {
        let lowered: LoweredGeneration
        do {
            lowered = try Generation.lower(specPath: spec, options: try resolvedOptions())
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode.failure
        }
        // With --strict a warning fails the run before anything is written.
        try DiagnosticPrinter.printWarnings(lowered.diagnostics, strict: strict)
        do {
            // Each file is staged as it is rendered; the output changes only once all are.
            let (summary, fileCount) = try lowered.write(to: OutputWriter(directory: output))
            if !quiet {
                print("kiln: \(fileCount) files in \(output) (\(summary.written.count) written, \(summary.unchanged.count) unchanged, \(summary.removed.count) removed)")
            }
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode.failure
        }
    }

    /// Flags over the configuration file over defaults.
    private func resolvedOptions() throws(DiagnosticError) -> GeneratorOptions {
        var options = GeneratorOptions(moduleName: moduleName ?? "", templatesDirectory: templates)
        var explicit: Set<String> = []
        if moduleName != nil { explicit.insert("moduleName") }
        if let accessModifier {
            options.accessModifier = accessModifier
            explicit.insert("accessModifier")
        }
        if let layout, let value = GeneratorOptions.Layout(rawValue: layout) {
            options.layout = value
            explicit.insert("layout")
        }
        if !generate.isEmpty { options.parts = Set(generate.compactMap(GeneratorOptions.Part.init)) }
        options.additionalImports = additionalImport
        if !transport.isEmpty {
            options.transports = Set(transport.compactMap(GeneratorOptions.Transport.init))
            explicit.insert("transports")
        }
        options.lowering.operationFilter.includeTags = Set(includeTag)
        options.lowering.operationFilter.excludeTags = Set(excludeTag)
        options.lowering.operationFilter.includeOperations = Set(includeOperation)
        options.lowering.operationFilter.excludeOperations = Set(excludeOperation)
        for override in typeOverride {
            let parts = override.split(separator: "=", maxSplits: 1).map(String.init)
            options.lowering.typeOverrides[parts[0]] = parts[1]
        }
        if let config {
            let explicitParts = !generate.isEmpty
            var loaded = try KilnConfiguration.load(path: config)
            if explicitParts { loaded.parts = nil }
            options = loaded.applied(to: options, explicitlySet: explicit)
        }
        guard !options.moduleName.isEmpty else {
            throw DiagnosticError(.error("no module name: pass --module-name or set moduleName in the configuration", at: nil))
        }
        return options
    }
}
