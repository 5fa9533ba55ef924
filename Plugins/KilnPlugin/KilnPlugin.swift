import Foundation
import PackagePlugin

/// Generates a target's client at build time from the `openapi.yaml` (or `.json`) in the target's
/// folder, configured by an optional `kiln-config.yaml` beside it.
///
/// Inputs (the spec and every file its `$ref`s reach, config, templates) and outputs are declared, so SwiftPM reruns `kiln` only when
/// an input changes. The outputs are Kiln's sharded layout: a fixed list of files, several of
/// them, so the compiler can type-check them in parallel.
@main
struct KilnPlugin: BuildToolPlugin {
    /// `ShardFileNames.swift` is the generator's own file (a symlink): the same list it writes.
    static let outputFileNames = ShardFileNames.all

    static let specNames = ["openapi.yaml", "openapi.yml", "openapi.json"]
    static let configNames = ["kiln-config.yaml", "kiln-config.yml"]
    static let templatesFolder = "KilnTemplates"

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let directory = target.directoryURL
        let spec = try Self.single(Self.specNames, in: directory, what: "OpenAPI document", target: target.name, required: true)
        let config = try Self.single(Self.configNames, in: directory, what: "configuration", target: target.name, required: false)
        let templates = directory.appending(path: Self.templatesFolder)
        let templateFiles = Self.files(in: templates)

        let output = context.pluginWorkDirectoryURL.appending(path: "GeneratedSources")
        var arguments = [
            "generate", "--spec", spec!.path(percentEncoded: false), "--output", output.path(percentEncoded: false),
            "--module-name", target.moduleName, "--layout", "sharded", "--quiet",
        ]
        if let config { arguments += ["--config", config.path(percentEncoded: false)] }
        if !templateFiles.isEmpty { arguments += ["--templates", templates.path(percentEncoded: false)] }

        return [
            .buildCommand(
                displayName: "Kiln: generating the client for \(target.name) from \(spec!.lastPathComponent)",
                executable: try context.tool(named: "kiln").url,
                arguments: arguments,
                inputFiles: ReferencedFiles.documentSet(root: spec!) + (config.map { [$0] } ?? []) + templateFiles,
                outputFiles: Self.outputFileNames.map { output.appending(path: $0) }
            )
        ]
    }

    /// The one file of `names` in the folder; an error names the problem when there are none or several.
    static func single(_ names: [String], in directory: URL, what: String, target: String, required: Bool) throws -> URL? {
        let found = names.map { directory.appending(path: $0) }
            .filter { FileManager.default.fileExists(atPath: $0.path(percentEncoded: false)) }
        if found.count > 1 {
            throw KilnPluginError("target '\(target)' has several \(what) files (\(found.map(\.lastPathComponent).joined(separator: ", "))); keep one")
        }
        if found.isEmpty && required {
            throw KilnPluginError("target '\(target)' uses the Kiln plugin but has no \(names.joined(separator: " or ")) in \(directory.path(percentEncoded: false))")
        }
        return found.first
    }

    static func files(in directory: URL) -> [URL] {
        let contents = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
        return contents.filter { $0.pathExtension == "stencil" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}

struct KilnPluginError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
