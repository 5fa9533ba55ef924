// swift-tools-version: 6.0
// Issue 3: how fast does the generated Kratos client decode a large identity list, compared with
// hand-written Codable structs of the same shape? Run in release:
//   swift build -c release && .build/release/DecodingBenchmark [--megabytes 10] [--iterations 15]
import PackageDescription

// A path dependency's identity is its folder's name ("main", "kiln", …), not its manifest's name.
let rootIdentity = Context.packageDirectory.split(separator: "/").dropLast(2).last.map { $0.lowercased() } ?? "kiln"

let package = Package(
    name: "DecodingBenchmark",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "DecodingBenchmark",
            dependencies: [.product(name: "OryKratos", package: rootIdentity)]
        ),
    ]
)
