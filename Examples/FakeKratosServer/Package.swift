// swift-tools-version: 6.1
// Serves a fake Ory Kratos over HTTP with Hummingbird: the generated `Router` (from the checked-in
// OryKratos module, generated with `--generate models client server`) behind a Hummingbird responder.
import PackageDescription

let package = Package(
    name: "FakeKratosServer",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Kiln", path: "../.."),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
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
