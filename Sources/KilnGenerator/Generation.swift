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
        // The generator renders only the parts `options` asks for, laid out as it says.
        let files = try ClientGenerator(options: options).generate(lowered.module, specFileName: specFileName)
        return Generation(files: files, diagnostics: lowered.diagnostics)
    }
}
