// swift-tools-version: 6.1
// libFuzzer targets for Kiln, kept out of the main package so its build and tests never see
// `-sanitize=fuzzer`. Build and run through `scripts/fuzz TARGET SECONDS` (see Fuzz/README.md):
//
//   swift build -c release --scratch-path Fuzz/.build --package-path Fuzz \
//       -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
//
// Each executable defines `LLVMFuzzerTestOneInput`. On Linux SwiftPM links executables with
// `--defsym main=<Module>_main`, so each also defines `<Module>_main`, which starts libFuzzer's
// driver (`LLVMFuzzerRunDriver`, declared by CFuzzerDriver); elsewhere libFuzzer's own `main` runs.
import PackageDescription

let package = Package(
    name: "KilnFuzz",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "fuzz-yaml", targets: ["FuzzYAML"]),
        .executable(name: "fuzz-templates", targets: ["FuzzTemplates"]),
        .executable(name: "fuzz-pipeline", targets: ["FuzzPipeline"]),
    ],
    dependencies: [
        .package(name: "Kiln", path: ".."),
    ],
    targets: [
        // The declaration of libFuzzer's `LLVMFuzzerRunDriver`.
        .target(name: "CFuzzerDriver"),
        // Bytes → YAMLParser.parse (default and tight limits), plus a JSON round trip of the tree.
        .executableTarget(
            name: "FuzzYAML",
            dependencies: ["CFuzzerDriver", .product(name: "KilnYAML", package: "Kiln")]
        ),
        // Bytes → template source (optionally `JSON context` NUL `template`) parsed and rendered.
        .executableTarget(
            name: "FuzzTemplates",
            dependencies: ["CFuzzerDriver", .product(name: "KilnTemplates", package: "Kiln")]
        ),
        // Bytes → YAML → OpenAPI → IR → Swift files in memory (tree and sharded layouts).
        .executableTarget(
            name: "FuzzPipeline",
            dependencies: [
                "CFuzzerDriver",
                .product(name: "KilnOpenAPI", package: "Kiln"),
                .product(name: "KilnIR", package: "Kiln"),
                .product(name: "KilnGenerator", package: "Kiln"),
            ]
        ),
    ]
)
