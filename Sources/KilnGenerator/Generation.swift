import KilnDiagnostics
import KilnIR

/// One run of the whole pipeline: spec file → IR → Swift files, with every warning on the way.
public struct Generation: Sendable {
    public var files: [GeneratedFile]
    /// Warnings (never errors: those are thrown) in spec order.
    public var diagnostics: [Diagnostic]

    /// `displayPath` names the spec in diagnostics and file headers (default: `specPath`).
    public static func run(specPath: String, displayPath: String? = nil, options: GeneratorOptions) throws(DiagnosticError) -> Generation {
        let lowered = try lower(specPath: specPath, displayPath: displayPath, options: options)
        return Generation(files: try lowered.files(), diagnostics: lowered.diagnostics)
    }

    /// The first half of a run: the spec read and lowered, every warning known, nothing rendered.
    /// The document and its YAML nodes are gone by then; only the IR is kept for rendering.
    public static func lower(specPath: String, displayPath: String? = nil, options: GeneratorOptions) throws(DiagnosticError) -> LoweredGeneration {
        let shownPath = displayPath ?? specPath
        let lowered = try IRLowering.lower(
            specAt: specPath, displayPath: shownPath, moduleName: options.moduleName, options: options.lowering
        )
        let specFileName = String(shownPath.split(separator: "/").last ?? Substring(shownPath))
        return LoweredGeneration(module: lowered.module, diagnostics: lowered.diagnostics, specFileName: specFileName, options: options)
    }
}
