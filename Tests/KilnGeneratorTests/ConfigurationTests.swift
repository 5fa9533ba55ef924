import Foundation
import KilnConfiguration
import KilnDiagnostics
import KilnGenerator
import KilnIR
import KilnYAML
import XCTest

/// `kiln-config.yaml`: every key read, every mistake reported where it is.
final class ConfigurationTests: XCTestCase {
    private func decode(_ text: String) throws(DiagnosticError) -> KilnConfiguration {
        try KilnConfiguration.decode(try YAMLParser.parse(text, file: "kiln-config.yaml").root)
    }

    func testReadsEveryKey() throws {
        let configuration = try decode("""
            moduleName: Kratos
            accessModifier: package
            generate: [models]
            layout: sharded
            additionalImports: [AppModels]
            filter:
              includeTags: [identity]
              excludeTags: [courier]
              includeOperations: [toSession]
              excludeOperations: [deleteIdentity]
            naming:
              types: {identity: Account}
              operations: {toSession: whoAmI}
            typeOverrides:
              identity.traits: AppTraits
            """)
        XCTAssertEqual(configuration.moduleName, "Kratos")
        XCTAssertEqual(configuration.accessModifier, "package")
        XCTAssertEqual(configuration.parts, [.models])
        XCTAssertEqual(configuration.layout, .sharded)
        XCTAssertEqual(configuration.additionalImports, ["AppModels"])
        XCTAssertEqual(configuration.lowering.operationFilter.includeTags, ["identity"])
        XCTAssertEqual(configuration.lowering.operationFilter.excludeTags, ["courier"])
        XCTAssertEqual(configuration.lowering.operationFilter.includeOperations, ["toSession"])
        XCTAssertEqual(configuration.lowering.operationFilter.excludeOperations, ["deleteIdentity"])
        XCTAssertEqual(configuration.lowering.typeNames, ["identity": "Account"])
        XCTAssertEqual(configuration.lowering.operationNames, ["toSession": "whoAmI"])
        XCTAssertEqual(configuration.lowering.typeOverrides, ["identity.traits": "AppTraits"])
    }

    func testMistakesAreErrorsAtTheirLocation() {
        XCTAssertThrowsError(try decode("""
            moduleName: Kratos
            acessModifier: public
            layout: flat
            filter:
              includeTags: identity
            """)) { error in
            let messages = (error as? DiagnosticError)?.diagnostics.map(\.description) ?? []
            XCTAssertEqual(messages, [
                "kiln-config.yaml:2:1: error: unknown configuration key 'acessModifier'; expected one of moduleName, accessModifier, generate, layout, additionalImports, filter, naming, typeOverrides, pagination, eventStreams, transports",
                "kiln-config.yaml:3:9: error: 'layout' must be one of tree, sharded, found 'flat'",
                "kiln-config.yaml:5:16: error: 'includeTags' must be a list of strings, found a scalar",
            ])
        }
    }

    func testReadsPagination() throws {
        let configuration = try decode("pagination: {style: link, cursorParameter: cursor}\n")
        XCTAssertEqual(configuration.lowering.pagination, PaginationOptions(style: .link, cursorParameter: "cursor"))
        XCTAssertEqual(try decode("pagination: {}\n").lowering.pagination, PaginationOptions(style: .link, cursorParameter: "page_token"))
        XCTAssertNil(try decode("moduleName: A\n").lowering.pagination)
        let applied = configuration.applied(to: GeneratorOptions(moduleName: "A"), explicitlySet: [])
        XCTAssertEqual(applied.lowering.pagination?.cursorParameter, "cursor")
    }

    func testPaginationMistakesAreErrorsAtTheirLocation() {
        XCTAssertThrowsError(try decode("""
            pagination:
              style: offset
              cursor: page_token
            """)) { error in
            let messages = (error as? DiagnosticError)?.diagnostics.map(\.description) ?? []
            XCTAssertEqual(messages, [
                "kiln-config.yaml:2:10: error: 'style' must be one of link, found 'offset'",
                "kiln-config.yaml:3:3: error: unknown configuration key 'cursor'; expected one of style, cursorParameter",
            ])
        }
        XCTAssertThrowsError(try decode("pagination: link\n")) { error in
            let messages = (error as? DiagnosticError)?.diagnostics.map(\.description) ?? []
            XCTAssertEqual(messages, ["kiln-config.yaml:1:13: error: 'pagination' must be a mapping, found a scalar"])
        }
    }

    func testReadsTheEventStreamTerminator() throws {
        let configuration = try decode("eventStreams: {terminator: \"[DONE]\"}\n")
        XCTAssertEqual(configuration.lowering.eventStreamTerminator, "[DONE]")
        XCTAssertNil(try decode("eventStreams: {}\n").lowering.eventStreamTerminator)
        let applied = configuration.applied(to: GeneratorOptions(moduleName: "A"), explicitlySet: [])
        XCTAssertEqual(applied.lowering.eventStreamTerminator, "[DONE]")
        XCTAssertThrowsError(try decode("eventStreams:\n  end: x\n")) { error in
            let messages = (error as? DiagnosticError)?.diagnostics.map(\.description) ?? []
            XCTAssertEqual(messages, ["kiln-config.yaml:2:3: error: unknown configuration key 'end'; expected one of terminator"])
        }
        XCTAssertThrowsError(try decode("eventStreams: \"[DONE]\"\n")) { error in
            let messages = (error as? DiagnosticError)?.diagnostics.map(\.description) ?? []
            XCTAssertEqual(messages, ["kiln-config.yaml:1:15: error: 'eventStreams' must be a mapping, found a scalar"])
        }
    }

    func testReadsTransports() throws {
        let configuration = try decode("transports: [urlSession, asyncHTTPClient]\n")
        XCTAssertEqual(configuration.transports, [.urlSession, .asyncHTTPClient])
        XCTAssertNil(try decode("moduleName: A\n").transports)
        XCTAssertEqual(GeneratorOptions(moduleName: "A").transports, [.urlSession])
        let applied = try decode("transports: [asyncHTTPClient]\n").applied(to: GeneratorOptions(moduleName: "A"), explicitlySet: [])
        XCTAssertEqual(applied.transports, [.asyncHTTPClient])
        // `--transport` on the command line wins over the file.
        var flagged = GeneratorOptions(moduleName: "A", transports: [.urlSession])
        flagged = configuration.applied(to: flagged, explicitlySet: ["transports"])
        XCTAssertEqual(flagged.transports, [.urlSession])
    }

    func testTransportMistakesAreErrorsAtTheirLocation() {
        XCTAssertThrowsError(try decode("""
            moduleName: A
            transports:
              - urlSession
              - asyncHttpClient
              - curl
            """)) { error in
            let messages = (error as? DiagnosticError)?.diagnostics.map(\.description) ?? []
            XCTAssertEqual(messages, [
                "kiln-config.yaml:4:5: error: 'transports' lists 'asyncHttpClient'; expected urlSession, asyncHTTPClient (did you mean 'asyncHTTPClient'?)",
                "kiln-config.yaml:5:5: error: 'transports' lists 'curl'; expected urlSession, asyncHTTPClient",
            ])
        }
        XCTAssertThrowsError(try decode("transports: []\n")) { error in
            let messages = (error as? DiagnosticError)?.diagnostics.map(\.description) ?? []
            XCTAssertEqual(messages, [
                "kiln-config.yaml:1:13: error: 'transports' must list at least one of urlSession, asyncHTTPClient",
            ])
        }
        XCTAssertThrowsError(try decode("transports: urlSession\n")) { error in
            let messages = (error as? DiagnosticError)?.diagnostics.map(\.description) ?? []
            XCTAssertEqual(messages, [
                "kiln-config.yaml:1:13: error: 'transports' must list at least one of urlSession, asyncHTTPClient, found a scalar",
            ])
        }
    }

    func testFlagsWinOverTheFile() throws {
        let configuration = try decode("moduleName: FromFile\naccessModifier: internal\nadditionalImports: [A]\n")
        var options = GeneratorOptions(moduleName: "FromFlag", accessModifier: "public", additionalImports: ["B"])
        options = configuration.applied(to: options, explicitlySet: ["moduleName"])
        XCTAssertEqual(options.moduleName, "FromFlag")
        XCTAssertEqual(options.accessModifier, "internal")
        XCTAssertEqual(options.additionalImports, ["B", "A"])
    }

    func testFiltersNamesAndOverridesShapeTheKratosClient() throws {
        var options = GeneratorOptions(moduleName: "OryKratos")
        options.lowering = LoweringOptions(
            typeNames: ["identity": "Account"],
            typeOverrides: ["identity.traits": "AppTraits"],
            operationNames: ["toSession": "whoAmI"],
            operationFilter: OperationFilter(excludeTags: ["courier", "metadata"])
        )
        let generation = try Generation.run(specPath: KratosGoldenTests.specPath, options: options)
        let paths = Set(generation.files.map(\.path))
        XCTAssertTrue(paths.contains("Models/Account.swift"))
        XCTAssertFalse(paths.contains("Models/Identity.swift"))
        XCTAssertFalse(paths.contains { $0.hasPrefix("Client/Client+Courier") || $0.hasPrefix("Client/Client+Metadata") })
        let account = try XCTUnwrap(generation.files.first { $0.path == "Models/Account.swift" }).contents
        XCTAssertTrue(account.contains("public var traits: AppTraits"), account)
        let frontend = try XCTUnwrap(generation.files.first { $0.path == "Client/Client+Frontend.swift" }).contents
        XCTAssertTrue(frontend.contains("func whoAmI("))
        XCTAssertFalse(frontend.contains("func toSession("))
    }

    func testShardedLayoutWritesExactlyThePluginsFileList() throws {
        var options = GeneratorOptions(moduleName: "OryKratos", layout: .sharded)
        options.parts = [.models]
        let generation = try Generation.run(specPath: KratosGoldenTests.specPath, options: options)
        XCTAssertEqual(generation.files.map(\.path), ShardedLayout.fileNames)

        // The build-tool plugin cannot import KilnGenerator: it compiles the generator's list file
        // through a symlink, so both name the same outputs.
        let root = GoldenFiles.packageRoot
        let pluginCopy = root.appendingPathComponent("Plugins/KilnPlugin/ShardFileNames.swift")
        let generatorFile = root.appendingPathComponent("Sources/KilnGenerator/ShardFileNames.swift")
        XCTAssertEqual(pluginCopy.resolvingSymlinksInPath().path, generatorFile.resolvingSymlinksInPath().path)
        let plugin = try String(contentsOf: root.appendingPathComponent("Plugins/KilnPlugin/KilnPlugin.swift"), encoding: .utf8)
        XCTAssertTrue(plugin.contains("static let outputFileNames = ShardFileNames.all"))

        // Every model lands in exactly one shard, and shards are balanced within a factor of two.
        let models = generation.files.filter { $0.path.hasPrefix("GeneratedModels") }
        let declarations = models.map { $0.contents.components(separatedBy: "\n// #/components/schemas/").count - 1 }
        XCTAssertEqual(declarations.reduce(0, +), 158)
        let sizes = models.map(\.contents.utf8.count)
        XCTAssertLessThan(Double(sizes.max() ?? 0), Double(sizes.min() ?? 0) * 2)
    }
}
