import Foundation
import KilnGenerator
import KilnOpenAPI
import XCTest

/// The multi-file fixture bundled into one file: self-contained, stable, and generating the same Swift.
final class MultiFileDocumentTests: XCTestCase {
    static let fixture = FixtureTests.fixturesDirectory.appendingPathComponent("multi-file")
    static let specPath = fixture.appendingPathComponent("spec.yaml").path
    static let displayPath = "Fixtures/multi-file/spec.yaml"

    private var workDirectory: URL!

    override func setUpWithError() throws {
        workDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-bundle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workDirectory)
    }

    func testYAMLBundleGeneratesIdenticalSwift() throws {
        try assertBundleGeneratesIdenticalSwift(format: .yaml)
    }

    func testJSONBundleGeneratesIdenticalSwift() throws {
        try assertBundleGeneratesIdenticalSwift(format: .json)
    }

    func testBundleHasOnlyLocalReferencesAndRebundlesToItself() throws {
        for format in [BundleFormat.yaml, .json] {
            let bundle = try OpenAPILoader.bundle(path: Self.specPath, format: format).text
            XCTAssertEqual(Self.nonLocalReferences(in: bundle), [])
            let copy = try write(bundle, as: "bundle.\(format == .json ? "json" : "yaml")")
            XCTAssertEqual(try OpenAPILoader.bundle(path: copy, format: format).text, bundle)
        }
    }

    func testEveryFileOfTheSetIsLoadedOnce() throws {
        let files = try OpenAPILoader.documentFiles(path: Self.specPath)
        XCTAssertEqual(files.count, 25)
        XCTAssertEqual(Set(files).count, files.count)
        XCTAssertEqual(files.first.map { URL(fileURLWithPath: $0).lastPathComponent }, "spec.yaml")
    }

    func testHoistedTypesHaveNamesFromWhatOwnsThem() throws {
        let bundle = try OpenAPILoader.bundle(path: Self.specPath, format: .yaml).text
        for name in ["PageSize", "ListOwnersLimit", "NotFoundBody", "ConflictBodyOption1", "OwnerAddress", "Child", "Nickname", "Money",
                     "CatalogueFeatured", "LedgerEntry"] {
            XCTAssertTrue(bundle.contains("\n    \"\(name)\":\n"), "no schema component \(name)")
        }
        // Money is reached by a relative path and by its `$id`: one component.
        XCTAssertFalse(bundle.contains("\"Money2\""))
    }

    /// The build plugin's scanner (`Plugins/KilnPlugin/ReferencedFiles.swift`, compiled here through a
    /// symlink) must declare as inputs exactly the files the loader reads.
    func testPluginScannerFindsTheFilesTheLoaderReads() throws {
        let scanned = ReferencedFiles.documentSet(root: URL(fileURLWithPath: Self.specPath)).map(\.path)
        let loaded = try OpenAPILoader.documentFiles(path: Self.specPath)
        XCTAssertEqual(Set(scanned), Set(loaded))
        XCTAssertEqual(scanned.count, loaded.count)
        XCTAssertEqual(scanned.first, loaded.first)
    }

    func testPluginScannerReadsEveryWayOfWritingAReference() {
        let text = """
            a: {$ref: 'flow.yaml#/x'}
            b:
              $ref: plain/file.yaml#/components/schemas/A
            "c": {"$ref": "json%20name.json"}
            d: {$ref: '#/components/schemas/Local'}
            e: {$ref: https://example.com/remote.yaml}
            """
        XCTAssertEqual(ReferencedFiles.referenceTargets(in: text), ["flow.yaml", "plain/file.yaml", "json name.json"])
    }

    func testProblemsInAReferencedFileAreReportedInThatFile() throws {
        try FileManager.default.createDirectory(at: workDirectory.appendingPathComponent("schemas"), withIntermediateDirectories: true)
        _ = try write("""
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                Pet:
                  $ref: schemas/pet.yaml
            """, as: "root.yaml")
        _ = try write("type: object\nrequired: yes\n", as: "schemas/pet.yaml")
        do {
            _ = try OpenAPILoader.load(path: workDirectory.appendingPathComponent("root.yaml").path, displayPath: "api/root.yaml")
            XCTFail("a schema with a wrong type decoded")
        } catch {
            XCTAssertEqual(error.diagnostics.map(\.description), [
                "api/schemas/pet.yaml:2:11: error: 'required' must be a sequence, found a scalar \"yes\"",
            ])
        }
    }

    private func assertBundleGeneratesIdenticalSwift(format: BundleFormat, line: UInt = #line) throws {
        let options = GeneratorOptions(moduleName: "MultiFile")
        let original = try Generation.run(specPath: Self.specPath, displayPath: Self.displayPath, options: options)
        let bundle = try OpenAPILoader.bundle(path: Self.specPath, format: format).text
        let bundlePath = try write(bundle, as: "spec.\(format == .json ? "json" : "yaml")")
        let fromBundle = try Generation.run(specPath: bundlePath, displayPath: Self.displayPath, options: options)
        XCTAssertEqual(fromBundle.files.map(\.path), original.files.map(\.path), line: line)
        for (left, right) in zip(original.files, fromBundle.files) {
            XCTAssertEqual(left.contents, right.contents, "\(left.path) differs when generated from the bundle", line: line)
        }
    }

    private func write(_ text: String, as name: String) throws -> String {
        let url = workDirectory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Every `"$ref"` value of a bundle (both formats quote keys and strings) that does not start with `#`.
    static func nonLocalReferences(in bundle: String) -> [String] {
        bundle.components(separatedBy: "\"$ref\":").dropFirst().compactMap { rest in
            let value = rest.drop { $0 == " " }
            return value.hasPrefix("\"#") ? nil : String(value.prefix(60))
        }
    }
}
