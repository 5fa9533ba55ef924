// swift-tools-version: 6.0
// Compiles swift-openapi-generator's output (types + client) the way an app would use it:
// against swift-openapi-runtime and swift-openapi-urlsession. scripts/bench copies the generated
// files into Sources/Generated (git-ignored) and rebuilds only that target.
import PackageDescription

let package = Package(
    name: "SOGCompile",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-runtime", exact: "1.13.4"),
        .package(url: "https://github.com/apple/swift-openapi-urlsession", exact: "1.4.0"),
    ],
    targets: [
        .target(
            name: "Generated",
            dependencies: [
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession"),
            ]
        ),
    ]
)
