// swift-tools-version: 6.1
// Kiln: an OpenAPI-driven Swift code generator.
//
// The pipeline is visible in the targets, each depending only on stages before it, never back:
//   CLibYAML → KilnYAML → KilnOpenAPI → KilnIR ─┬→ KilnGenerator ─┬→ KilnConfiguration ─┬→ kiln (CLI)
//   KilnTemplates (the template engine) ────────┘                 └→ KilnAPIDiff ───────┘
//   KilnDiagnostics (source locations and diagnostics) is shared by every stage.
// KilnConfiguration reads kiln-config.yaml (with KilnYAML) into the generator's options; KilnAPIDiff
// compares the APIs two specs generate (`kiln diff`). Each target declares every module it imports;
// scripts/check-layers checks that and the order.
import PackageDescription

let package = Package(
    name: "Kiln",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kiln", targets: ["kiln"]),
        .library(name: "KilnGenerator", targets: ["KilnGenerator"]),
        // The pipeline's stages on their own, for Fuzz/ (libFuzzer targets) and other tools.
        .library(name: "KilnYAML", targets: ["KilnYAML"]),
        .library(name: "KilnOpenAPI", targets: ["KilnOpenAPI"]),
        .library(name: "KilnIR", targets: ["KilnIR"]),
        .library(name: "KilnTemplates", targets: ["KilnTemplates"]),
        .library(name: "OryKratos", targets: ["OryKratos"]),
        .library(name: "OryKratosMocks", targets: ["OryKratosMocks"]),
        .plugin(name: "KilnPlugin", targets: ["KilnPlugin"]),
        .plugin(name: "KilnGenerateCommand", targets: ["KilnGenerateCommand"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The system libyaml (Debian: libyaml-dev), not a vendored copy.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "KilnDiagnostics"),
        .target(name: "KilnYAML", dependencies: ["CLibYAML", "KilnDiagnostics"]),
        .target(name: "KilnOpenAPI", dependencies: ["KilnYAML", "KilnDiagnostics"]),
        .target(name: "KilnIR", dependencies: ["KilnOpenAPI", "KilnDiagnostics"]),
        .target(name: "KilnTemplates", dependencies: ["KilnDiagnostics"]),
        .target(name: "KilnGenerator", dependencies: ["KilnIR", "KilnTemplates", "KilnDiagnostics"]),
        .target(name: "KilnConfiguration", dependencies: ["KilnGenerator", "KilnIR", "KilnYAML", "KilnDiagnostics"]),
        .target(name: "KilnAPIDiff", dependencies: ["KilnGenerator", "KilnIR"]),
        .executableTarget(
            name: "kiln",
            dependencies: [
                "KilnConfiguration",
                "KilnAPIDiff",
                "KilnGenerator",
                "KilnIR",
                "KilnOpenAPI",
                "KilnDiagnostics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Writes Sources/KilnGenerator/EmbeddedTemplates.swift from Templates/ (scripts/embed-templates),
        // so a `kiln` binary copied anywhere carries its templates. Checked in because SwiftPM does not
        // run build plugins for targets built as another plugin's tool, which is how users get `kiln`.
        .executableTarget(name: "KilnTemplateEmbedder"),

        // How users run Kiln from SwiftPM: at build time, or as a command refreshing checked-in code.
        .plugin(name: "KilnPlugin", capability: .buildTool(), dependencies: ["kiln"]),
        .plugin(
            name: "KilnGenerateCommand",
            capability: .command(
                intent: .custom(verb: "kiln-generate", description: "Regenerate checked-in client code with kiln"),
                permissions: [.writeToPackageDirectory(reason: "kiln-generate writes the generated client into the package")]
            ),
            dependencies: ["kiln"]
        ),

        // The checked-in client for the Ory Identities (Kratos) API, generated from spec/ory-kratos.yaml.
        .target(name: "OryKratos", path: "Generated/OryKratos", exclude: ["README.md"]),
        // Its test double, `MockClient` (`kiln generate --generate mocks`), for the tests of code using the client.
        .target(name: "OryKratosMocks", dependencies: ["OryKratos"], path: "Generated/OryKratosMocks"),
        // A client generated from spec/client-fixture.yaml, checked in, whose runtime ClientRuntimeTests drives.
        .target(name: "ClientFixture", path: "Generated/ClientFixture", exclude: ["README.md"]),

        .testTarget(name: "KilnYAMLTests", dependencies: ["KilnYAML", "KilnDiagnostics"]),
        .testTarget(name: "KilnTemplatesTests", dependencies: ["KilnTemplates", "KilnDiagnostics"]),
        .testTarget(name: "KilnOpenAPITests", dependencies: ["KilnOpenAPI", "KilnYAML", "KilnDiagnostics"]),
        .testTarget(
            name: "KilnGeneratorTests",
            dependencies: [
                "KilnGenerator", "KilnConfiguration", "KilnAPIDiff", "KilnIR", "KilnOpenAPI", "KilnYAML", "KilnDiagnostics",
                "KilnTemplates",
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "OryKratosTests", dependencies: ["OryKratos", "OryKratosMocks"]),
        .testTarget(name: "OryKratosConformanceTests", dependencies: ["OryKratos"]),
        .testTarget(name: "ClientRuntimeTests", dependencies: ["ClientFixture"]),
    ]
)
