// swift-tools-version: 6.0
// Compiles Kiln's output alone: the generated target needs nothing but Foundation.
// Template: Benchmarks/bench.py copies it into .build-bench/work/compile/<slot>/, renames the
// target, puts the generated files in Sources/<target> and rebuilds only that target.
import PackageDescription

let package = Package(
    name: "KilnCompile",
    platforms: [.macOS(.v13)],
    targets: [
        .target(name: "Generated"),
    ]
)
