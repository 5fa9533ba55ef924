/// The files of the sharded layout. Compiled by both KilnGenerator and the build plugin (which
/// cannot import library targets, so `Plugins/KilnPlugin/ShardFileNames.swift` is a symlink to
/// this file): the outputs the plugin declares are the files the generator writes.
enum ShardFileNames {
    static let modelShards = 8
    static let operationShards = 4

    static let support = "GeneratedSupport.swift"
    static let client = "GeneratedClient.swift"
    static let operations = (0..<operationShards).map { "GeneratedOperations\($0).swift" }
    static let models = (0..<modelShards).map { "GeneratedModels\($0).swift" }

    /// Every file, in the order they are written.
    static var all: [String] { [support, client] + operations + models }
}
