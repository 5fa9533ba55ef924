import ArgumentParser

/// `kiln`: the command-line front of the generator.
struct Kiln: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiln",
        abstract: "Generate a Swift client from an OpenAPI 3.0/3.1 document.",
        discussion: """
            Exit status: 0 on success (warnings allowed), 1 when the spec or the templates have errors, \
            64 for wrong command-line usage.
            """,
        version: KilnVersion.current,
        subcommands: [Generate.self, Validate.self, Diff.self, BundleCommand.self],
        defaultSubcommand: Generate.self
    )
}

enum KilnVersion {
    static let current = "0.1.0"
}
