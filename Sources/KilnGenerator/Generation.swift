import KilnDiagnostics
import KilnIR

/// One run of the whole pipeline: spec file → IR → Swift files, with every warning on the way.
public struct Generation: Sendable {
    public var files: [GeneratedFile]
    /// Warnings (never errors: those are thrown) in spec order.
    public var diagnostics: [Diagnostic]

    /// `displayPath` names the spec in diagnostics and file headers (default: `specPath`).
    public static func run(specPath: String, displayPath: String? = nil, options: GeneratorOptions) throws(DiagnosticError) -> Generation {
        let shownPath = displayPath ?? specPath
        let lowered = try IRLowering.lower(
            specAt: specPath, displayPath: shownPath, moduleName: options.moduleName, options: options.lowering
        )
        let specFileName = String(shownPath.split(separator: "/").last ?? Substring(shownPath))
        var files = try ClientGenerator(options: options).generate(lowered.module, specFileName: specFileName)
        files = files.filter { includes($0.path, parts: options.parts) }
        if options.layout == .sharded {
            files = ShardedLayout.pack(files, specFileName: specFileName)
        }
        return Generation(files: files, diagnostics: lowered.diagnostics)
    }

    /// Support code serves every part; models, client and server files only their own.
    private static func includes(_ path: String, parts: Set<GeneratorOptions.Part>) -> Bool {
        if path.hasPrefix("Models/") { return parts.contains(.models) }
        // The README documents the client's operations.
        if path.hasPrefix("Client/") || path == "README.md" { return parts.contains(.client) }
        if path.hasPrefix("Server/") { return parts.contains(.server) }
        return true
    }
}
