import KilnDiagnostics
import KilnIR

/// A spec lowered to IR, ready to render: `Generation.lower`'s result.
///
/// Rendering straight into an `OutputWriter` (`write(to:)`) stages each file as soon as it is
/// rendered, so a run holds the IR and one file, not its whole output.
public struct LoweredGeneration: Sendable {
    let module: IRModule
    /// Warnings (never errors: those are thrown) in spec order.
    public let diagnostics: [Diagnostic]
    let specFileName: String
    let options: GeneratorOptions

    /// The generated files, all in memory.
    public func files() throws(DiagnosticError) -> [GeneratedFile] {
        try ClientGenerator(options: options).generate(module, specFileName: specFileName)
    }

    /// Renders into `writer`'s staging tree file by file, then swaps it in; if rendering or writing
    /// fails, the previous output is left untouched. Returns the summary and how many files were generated.
    public func write(to writer: OutputWriter) throws(DiagnosticError) -> (summary: OutputWriter.Summary, fileCount: Int) {
        let staging = try writer.begin()
        try ClientGenerator(options: options).generate(module, specFileName: specFileName) { file throws(DiagnosticError) in
            try staging.add(file)
        }
        let fileCount = staging.fileCount
        return (try staging.finish(), fileCount)
    }
}
