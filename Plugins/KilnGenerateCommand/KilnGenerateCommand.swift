import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory kiln-generate --spec S --output DIR --module-name M [options]`
///
/// Regenerates checked-in client code inside the package (the "commit the output" workflow).
/// Arguments are those of `kiln generate`; relative paths are taken from the package's folder.
@main
struct KilnGenerateCommand: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let kiln = try context.tool(named: "kiln").url
        let process = Process()
        process.executableURL = kiln
        process.arguments = ["generate"] + arguments
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw KilnCommandError("kiln generate failed with status \(process.terminationStatus); see the diagnostics above")
        }
    }
}

struct KilnCommandError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
