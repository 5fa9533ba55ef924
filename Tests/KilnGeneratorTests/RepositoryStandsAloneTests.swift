import Foundation
import XCTest

/// A clone of the repository has nothing beside it: nothing the tests, scripts, benchmarks, fuzz
/// tools or examples read may lie outside it.
final class RepositoryStandsAloneTests: XCTestCase {
    func testNoFileReachesOutsideTheRepository() throws {
        let (files, findings) = try RepositoryPathScanner.scan(root: GoldenFiles.packageRoot)
        XCTAssertGreaterThan(files, 200, "the scan read too few files to mean anything")
        XCTAssertEqual(findings, [], findings.map(\.description).joined(separator: "\n"))
    }

    /// Each rule catches the form it was written for, and leaves alone the paths that stay inside.
    func testScannerFindsEachWayOfLeavingTheRepository() {
        func rules(_ text: String, at path: String) -> [String] {
            RepositoryPathScanner.findings(in: text, relativePath: path).map(\.rule)
        }
        // Spelt in two pieces so that a plain grep for the forbidden path finds nothing in the repository.
        let siblingSpecs = "$ROOT/.." + "/shared/specs"
        XCTAssertEqual(rules(#"SPECS="${KILN_SPECS:-"# + siblingSpecs + #"}""#, at: "scripts/conformance").count, 2)
        XCTAssertEqual(rules(#"SHARED = ROOT.parent / "shared" / "specs""#, at: "Benchmarks/bench.py").count, 2)
        XCTAssertEqual(rules(#"SHARED = os.path.join(REPO, "..", "shared", "specs")"#, at: "Fuzz/Tools/make-seeds.py").count, 2)
        XCTAssertEqual(
            rules(#"let d = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")"#, at: "Tests/A/B.swift").count, 2
        )
        XCTAssertEqual(rules(#"let other = packageRoot.deletingLastPathComponent()"#, at: "Tests/A/B.swift").count, 1)
        XCTAssertEqual(rules(#".package(name: "Kiln", path: "../../.."),"#, at: "Examples/Consumer/Package.swift").count, 1)
        XCTAssertEqual(rules(#"cd "$(dirname "$0")/../../elsewhere""#, at: "scripts/run").count, 1)

        // Inside the repository: not findings.
        XCTAssertEqual(rules(#".package(name: "Kiln", path: "../.."),"#, at: "Examples/Consumer/Package.swift"), [])
        XCTAssertEqual(rules(#"cd "$(dirname "$0")/../Examples/KratosConsumer""#, at: "scripts/test-consumer"), [])
        XCTAssertEqual(rules(#"runtime_dir="$swift_bin/../lib/swift/clang/lib/linux""#, at: "scripts/fuzz-build"), [])
        XCTAssertEqual(rules(#"ORY_SPEC="$ROOT/Tests/Specs/ory-client-v1.6.2.json""#, at: "scripts/conformance"), [])
    }
}
