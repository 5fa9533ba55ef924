// libFuzzer target: bytes → YAML → OpenAPI decode → IR lowering → Swift files, all in memory.
//
// The same stages as `Generation.run`, minus reading and writing files: nothing touches the
// disk. Thrown `DiagnosticError`s are normal results but must carry an error diagnostic; a
// success must produce files with relative paths that are unique ignoring case.
import CFuzzerDriver
import KilnDiagnostics
import KilnGenerator
import KilnIR
import KilnOpenAPI

private let specFileName = "fuzz.yaml"
private let options = GeneratorOptions(moduleName: "FuzzClient")
/// One generator for the whole run: its template environment caches the parsed built-in
/// templates (a third of the time per input otherwise), and `generate` resets every per-run
/// field. LeakSanitizer mistakes parts of that cache for leaks (Swift keeps enum tags in pointer
/// spare bits); Fuzz/lsan-pipeline.supp suppresses exactly those allocations.
nonisolated(unsafe) private let generator = ClientGenerator(options: options)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPipeline(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    do {
        let decoded = try OpenAPILoader.load(bytes: bytes, displayPath: specFileName)
        let lowered = try IRLowering.lower(decoded.document, moduleName: options.moduleName, options: options.lowering)
        _ = (decoded.warnings + lowered.diagnostics).map(\.description)
        let files = try generator.generate(lowered.module, specFileName: specFileName)
        checkFiles(files)
    } catch {
        let text = error.description
        guard error.diagnostics.contains(where: { $0.severity == .error }) else {
            fatalError("DiagnosticError without an error diagnostic: \(text)")
        }
    }
    return 0
}

private func checkFiles(_ files: [GeneratedFile]) {
    var seen = Set<String>()
    for file in files {
        guard !file.path.isEmpty, !file.path.hasPrefix("/"), !file.path.split(separator: "/").contains("..") else {
            fatalError("generated file with an unsafe path: \(file.path)")
        }
        // Unique even on case-insensitive file systems (what `FileNaming.deduplicated` promises).
        guard seen.insert(file.path.lowercased()).inserted else {
            fatalError("two generated files share the path \(file.path) (ignoring case)")
        }
    }
}

/// The entry point SwiftPM's Linux link step names (`--defsym main=FuzzPipeline_main`): run libFuzzer.
@_cdecl("FuzzPipeline_main")
public func FuzzPipelineMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzPipeline(data, size) }
}
