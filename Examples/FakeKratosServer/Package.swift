// swift-tools-version: 6.1
// Serves a fake Ory Kratos over HTTP with Hummingbird: the generated `Router` (from the checked-in
// OryKratos module, generated with `--generate models client server`) behind a Hummingbird responder.
// Also runs a generated client over AsyncHTTPClient, which HummingbirdTesting builds anyway: one cold
// build of SwiftNIO, Hummingbird and AsyncHTTPClient serves both (scripts/test-examples).
import PackageDescription

/// The generated clients with `AsyncHTTPClientTransport`: they import what its file imports, and must
/// compile without a warning.
let asyncHTTPClientDependencies: [Target.Dependency] = [
    .product(name: "AsyncHTTPClient", package: "async-http-client"),
    .product(name: "NIOCore", package: "swift-nio"),
    .product(name: "NIOHTTP1", package: "swift-nio"),
]

let package = Package(
    name: "FakeKratosServer",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Kiln", path: "../.."),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.100.0"),
    ],
    targets: [
        // The fake handler and the Hummingbird adapter, shared by the executable and the tests.
        .target(
            name: "FakeKratos",
            dependencies: [
                .product(name: "OryKratos", package: "Kiln"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(name: "FakeKratosServer", dependencies: ["FakeKratos"]),
        // The event-streams fixture's client with both transports (Generated/, from kiln-config.yaml)
        // and the fixture's loopback driver (main.swift, a link into Tests/KilnGeneratorTests/Fixtures),
        // in one module as StreamingClientTests compiles them: run through each transport.
        .executableTarget(
            name: "EventStreams",
            dependencies: asyncHTTPClientDependencies,
            exclude: ["kiln-config.yaml", "Generated/README.md"],
            swiftSettings: [.unsafeFlags(["-warnings-as-errors"])]
        ),
        // The same client in the sharded layout with AsyncHTTPClientTransport alone, in Swift 5 mode.
        .target(
            name: "EventStreamsSharded",
            dependencies: asyncHTTPClientDependencies,
            exclude: ["kiln-config.yaml"],
            swiftSettings: [.swiftLanguageMode(.v5), .unsafeFlags(["-warnings-as-errors"])]
        ),
        .testTarget(
            name: "FakeKratosServerTests",
            dependencies: [
                "FakeKratos",
                .product(name: "OryKratos", package: "Kiln"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ]
)
