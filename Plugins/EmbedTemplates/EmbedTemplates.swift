import Foundation
import PackagePlugin

/// Turns the package's `Templates/` folder into Swift source at build time, so a `kiln` binary
/// copied anywhere carries its default templates and needs no resource bundle beside it.
@main
struct EmbedTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let templatesDirectory = context.package.directoryURL.appending(path: "Templates")
        let templateFiles = try FileManager.default
            .contentsOfDirectory(at: templatesDirectory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "stencil" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTemplates.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(templateFiles.count) templates from Templates/",
                executable: try context.tool(named: "KilnTemplateEmbedder").url,
                arguments: [output.path(percentEncoded: false)] + templateFiles.map { $0.path(percentEncoded: false) },
                inputFiles: templateFiles,
                outputFiles: [output]
            )
        ]
    }
}
