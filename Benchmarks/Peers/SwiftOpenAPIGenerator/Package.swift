// swift-tools-version: 6.0
// Builds apple/swift-openapi-generator's CLI (release) from the local mirror, for scripts/bench.
import PackageDescription

let package = Package(
    name: "SOGPeer",
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3"),
    ],
    targets: []
)
