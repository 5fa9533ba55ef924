/// The imports a file's header adds to Foundation and the configured ones. Decided before rendering,
/// so that the sharded layout can give each shard one header that covers every file it packs.
struct HeaderNeeds: Hashable, Sendable {
    /// FoundationNetworking, where `URLSession` and its types live on Linux.
    var networking = false
    /// AsyncHTTPClient, and the SwiftNIO modules its API is spelled with (NIOCore, NIOHTTP1).
    var asyncHTTPClient = false

    /// Every combination: the sharded layout renders each header once, before it knows the shards.
    static let all: [HeaderNeeds] = [false, true].flatMap { networking in
        [false, true].map { HeaderNeeds(networking: networking, asyncHTTPClient: $0) }
    }

    /// What a header shared by files with these needs and `other`'s imports.
    func union(_ other: HeaderNeeds) -> HeaderNeeds {
        HeaderNeeds(networking: networking || other.networking, asyncHTTPClient: asyncHTTPClient || other.asyncHTTPClient)
    }
}
