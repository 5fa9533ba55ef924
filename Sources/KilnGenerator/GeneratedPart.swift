/// A rendered file with what the sharded layout needs to know about it, decided before rendering:
/// the shard group it joins and what its header imports.
struct GeneratedPart {
    var file: GeneratedFile
    /// `nil` for a file the sharded layout leaves out (the README).
    var shard: ShardedLayout.Group?
    var headerNeeds: HeaderNeeds

    /// Server files, when generated, share the operation shards by default: the file list stays fixed.
    init(path: String, contents: String, shard: ShardedLayout.Group? = .operations, headerNeeds: HeaderNeeds = HeaderNeeds()) {
        file = GeneratedFile(path: path, contents: contents)
        self.shard = shard
        self.headerNeeds = headerNeeds
    }

    /// A client file: the `Client` type, `ClientProtocol` and the `Operations` namespace go to the client shard, the
    /// per-tag methods and operation types to the operation shards.
    init(clientFile: GeneratedFile) {
        let shard: ShardedLayout.Group?
        switch clientFile.path {
        case "README.md": shard = nil
        case "Client/Client.swift", "Client/ClientProtocol.swift", "Client/Operations.swift": shard = .client
        default: shard = .operations
        }
        self.init(path: clientFile.path, contents: clientFile.contents, shard: shard)
    }
}
