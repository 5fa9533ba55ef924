// swift-tools-version: 6.1
// A package that uses Kiln the way users do: the build-tool plugin generates the Kratos client
// from Sources/KratosAPI/openapi.yaml at build time, with the user's own identity traits type, and a
// small client from a description split over several files (Sources/PetsAPI).
import PackageDescription

let package = Package(
    name: "KratosConsumer",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Kiln", path: "../.."),
    ],
    targets: [
        .target(
            name: "KratosAPI",
            exclude: ["openapi.yaml", "kiln-config.yaml"],
            plugins: [.plugin(name: "KilnPlugin", package: "Kiln")]
        ),
        // A description split over files: editing one it references regenerates, an unrelated one does not.
        .target(
            name: "PetsAPI",
            exclude: ["openapi.yaml", "kiln-config.yaml", "schemas", "unrelated.yaml"],
            plugins: [.plugin(name: "KilnPlugin", package: "Kiln")]
        ),
        .testTarget(name: "KratosAPITests", dependencies: ["KratosAPI"]),
    ]
)
