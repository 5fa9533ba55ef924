import Foundation
import KilnIR
import XCTest

/// Parity with the Kratos SDKs users have in other languages: every operation a seed's documentation
/// describes is in the Swift client Kiln generates from the same API generation, with the same
/// required parameters and body. The operations are not written down here: `scripts/extract-seed-operations`
/// read them from the seed documents into `Fixtures/seeds`; the specs are the copies in `Tests/Specs`.
final class SeedParityTests: XCTestCase {
    static let operationsDirectory = GoldenFiles.packageRoot.appendingPathComponent("Tests/KilnGeneratorTests/Fixtures/seeds")
    static let specsDirectory = GoldenFiles.packageRoot.appendingPathComponent("Tests/Specs")

    /// The Ory specs in `Tests/Specs` a seed may have been generated from.
    static let orySpecs = ["ory-kratos-v0.8.2-alpha.1.json", "ory-kratos-v0.10.1.json", "ory-client-v1.6.2.json"]

    /// Which spec each seed is checked against, and why, is said in `scripts/extract-seed-operations`.
    static var cases: [SeedParityCase] {
        [
            SeedParityCase(operationsFile: "haskell-ory-kratos-0.0.10.0.json"),
            SeedParityCase(operationsFile: "dart-kratos_api_dart.json"),
            SeedParityCase(
                operationsFile: "ruby-ory-client-v0alpha2.json",
                // The Ory Network mounts the Kratos admin and public APIs under these prefixes; the
                // Kratos spec's paths are the unprefixed ones.
                specPath: { operation in
                    operation.path.map { path in
                        guard let prefix = path.firstMatch(of: #/^/api/kratos/(?:admin|public)(?=/)/#) else { return path }
                        return String(path[prefix.range.upperBound...])
                    }
                }
            ),
            SeedParityCase(operationsFile: "elixir-ory_client-1.6.2-frontend.json"),
        ]
    }

    private func document(_ seedCase: SeedParityCase) throws -> ExtractedSeedDocument {
        let data = try Data(contentsOf: Self.operationsDirectory.appendingPathComponent(seedCase.operationsFile))
        return try JSONDecoder().decode(ExtractedSeedDocument.self, from: data)
    }

    private func checkers(for specs: [String]) throws -> [String: SeedParityChecker] {
        var checkers: [String: SeedParityChecker] = [:]
        for spec in specs {
            let lowered = try IRLowering.lower(
                specAt: Self.specsDirectory.appendingPathComponent(spec).path, displayPath: spec, moduleName: "SeedParity"
            )
            checkers[spec] = SeedParityChecker(module: lowered.module)
        }
        return checkers
    }

    // MARK: - The extracted operations are complete

    func testSeedDocumentsAreReadCompletely() throws {
        var documents: [[SeedOperation]] = []
        for seedCase in Self.cases {
            let seed = try document(seedCase)
            XCTAssertEqual(seed.operations.count, seed.expectedOperationCount, seed.title)
            let names = seed.operations.map { SeedName.normalized($0.name) }
            XCTAssertEqual(Set(names).count, names.count, "\(seed.title): an operation read twice")
            documents.append(seed.operations)
        }
        // A file the script writes but no case names would go unchecked.
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.operationsDirectory.path)
            .filter { $0.hasSuffix(".json") }
        XCTAssertEqual(files.sorted(), Self.cases.map(\.operationsFile).sorted())

        // Spot checks of what the script read from each format about parameters and bodies.
        func operation(_ name: String, in seedCase: Int) throws -> SeedOperation {
            try XCTUnwrap(documents[seedCase].first { $0.name == name }, name)
        }

        let haskellList = try operation("adminListIdentitySessions", in: 0)
        XCTAssertEqual(haskellList.method, "GET")
        XCTAssertEqual(haskellList.path, "/admin/identities/{id}/sessions")
        XCTAssertEqual(haskellList.parameters.map(\.name), ["id", "per_page", "page", "active"])
        XCTAssertEqual(haskellList.requiredParameterNames, ["id"])
        let haskellLogin = try operation("submitSelfServiceLoginFlow", in: 0)
        XCTAssertEqual(haskellLogin.parameters.map(\.name), ["flow", "X-Session-Token", "Cookie"])
        XCTAssertEqual(haskellLogin.body?.name, "SubmitSelfServiceLoginFlowBody")

        let dartGet = try operation("adminGetIdentity", in: 1)
        XCTAssertEqual(dartGet.parameters, [
            SeedParameter(name: "id", required: true), SeedParameter(name: "includeCredential", required: false),
        ])
        XCTAssertEqual(dartGet.path, "/identities/{id}")
        let dartLogin = try operation("submitSelfServiceLoginFlow", in: 1)
        XCTAssertEqual(dartLogin.requiredParameterNames, ["flow"])
        XCTAssertEqual(dartLogin.body, SeedRequestBody(name: "submitSelfServiceLoginFlowBody", required: false))
        XCTAssertEqual(
            try operation("submitSelfServiceLogoutFlowWithoutBrowser", in: 1).body,
            SeedRequestBody(name: "submitSelfServiceLogoutFlowWithoutBrowserBody", required: true)
        )
        XCTAssertEqual(try operation("toSession", in: 1).parameters.map(\.required), [false, false])

        // A method whose YARD heading and `def` name the page lost.
        let rubyCreate = try operation("admin_create_self_service_recovery_link", in: 2)
        XCTAssertEqual(rubyCreate.method, "POST")
        XCTAssertEqual(rubyCreate.path, "/api/kratos/admin/recovery/link")
        XCTAssertEqual(rubyCreate.body?.required, false)
        let rubyLogin = try operation("submit_self_service_login_flow", in: 2)
        XCTAssertEqual(rubyLogin.parameters, [
            SeedParameter(name: "flow", required: true), SeedParameter(name: "X-Session-Token", required: false),
        ])
        XCTAssertEqual(try operation("admin_get_identity", in: 2).requiredParameterNames, ["id"])

        let elixirExchange = try operation("exchange_session_token", in: 3)
        XCTAssertEqual(elixirExchange.requiredParameterNames, ["init_code", "return_to_code"])
        let elixirUpdate = try operation("update_login_flow", in: 3)
        XCTAssertEqual(elixirUpdate.body, SeedRequestBody(name: "update_login_flow_body", required: true))
        XCTAssertEqual(elixirUpdate.parameters.map(\.name), ["flow", "X-Session-Token", "Cookie"])
    }

    /// The spec each seed is checked against is the one of the Ory specs whose operations are closest
    /// to the seed's (by Jaccard index of the normalized names); for the Ruby gem, whose API version
    /// is only inferred, this is the verification by operation names.
    func testEachSeedDocumentsTheSpecItIsCheckedAgainst() throws {
        let checkers = try checkers(for: Self.orySpecs)
        for seedCase in Self.cases {
            let seed = try document(seedCase)
            let names = Set(seed.operations.map { SeedName.normalized($0.name) })
            let scores = Self.orySpecs.map { spec -> (spec: String, score: Double) in
                let ids = checkers[spec]!.normalizedOperationIds
                return (spec, Double(names.intersection(ids).count) / Double(names.union(ids).count))
            }
            let best = scores.max { $0.score < $1.score }!
            print(
                "seed \(seed.title): "
                    + scores.map { "\($0.spec) \(String(format: "%.2f", $0.score))" }.joined(separator: ", ")
            )
            XCTAssertEqual(best.spec, seed.specFile, seed.title)
            XCTAssertEqual(
                names.subtracting(try XCTUnwrap(checkers[seed.specFile], seed.specFile).normalizedOperationIds).sorted(), [],
                "\(seed.title): operations \(seed.specFile) does not have"
            )
        }
    }

    /// The operations were extracted against the spec now in `Tests/Specs`: a spec replaced by another
    /// version must come with the seed files extracted again (and reviewed).
    func testEachSeedFileNamesTheVersionOfItsSpec() throws {
        for seedCase in Self.cases {
            let seed = try document(seedCase)
            let spec = try JSONSerialization.jsonObject(
                with: Data(contentsOf: Self.specsDirectory.appendingPathComponent(seed.specFile))
            )
            let info = (spec as? [String: Any])?["info"] as? [String: Any]
            XCTAssertEqual(info?["version"] as? String, seed.apiVersion, "\(seed.title): \(seed.specFile)")
        }
    }

    /// The checker finds each kind of difference, so that the parity run passing means something.
    func testCheckerReportsEveryKindOfDifference() throws {
        let spec = "ory-kratos-v0.8.2-alpha.1.json"
        let checker = try XCTUnwrap(try checkers(for: [spec])[spec])

        // PUT /identities/{id}: `id` required, optional body.
        let atParity = SeedOperation(
            name: "admin_update_identity", parameters: [SeedParameter(name: "id", required: true)],
            body: SeedRequestBody(name: "adminUpdateIdentityBody", required: false), method: "PUT", path: "/identities/{id}"
        )
        XCTAssertEqual(checker.problems(for: atParity, seedPath: atParity.path), [])

        XCTAssertEqual(checker.problems(for: SeedOperation(name: "adminUndoIdentity", parameters: [], body: nil), seedPath: nil).count, 1)
        let wrong = SeedOperation(
            name: "adminUpdateIdentity",
            parameters: [SeedParameter(name: "id", required: false), SeedParameter(name: "version", required: nil)],
            body: SeedRequestBody(name: "adminUpdateIdentityBody", required: true), method: "POST", path: nil
        )
        let wrongProblems = checker.problems(for: wrong, seedPath: "/identity/{id}")
        // method, path, `id` optional, no `version`, body required
        XCTAssertEqual(wrongProblems.count, 5, wrongProblems.joined(separator: "\n"))

        // DELETE /identities/{id}: the seed lacks the required `id` and sends a body the Swift method does not take.
        let lacking = SeedOperation(name: "adminDeleteIdentity", parameters: [], body: SeedRequestBody(name: "b", required: nil))
        XCTAssertEqual(checker.problems(for: lacking, seedPath: nil).count, 2)
        // DELETE /self-service/logout/api: the Swift method requires a body the seed does not send.
        let bodiless = SeedOperation(name: "submitSelfServiceLogoutFlowWithoutBrowser", parameters: [], body: nil)
        XCTAssertEqual(checker.problems(for: bodiless, seedPath: nil).count, 1)
        // Unknown required-ness (Haskell) is not compared, but the parameter must exist.
        let unknown = SeedOperation(
            name: "getSelfServiceLoginFlow",
            parameters: [SeedParameter(name: "id", required: nil), SeedParameter(name: "cookie", required: nil)], body: nil
        )
        XCTAssertEqual(checker.problems(for: unknown, seedPath: nil), [])
    }

    // MARK: - Parity

    func testSwiftClientHasParityWithEverySeed() throws {
        let seeds = try Self.cases.map { (seedCase: $0, document: try document($0)) }
        let checkers = try checkers(for: Array(Set(seeds.map(\.document.specFile))))
        var passed = 0
        var failed = 0
        var failures: [String] = []
        for (seedCase, seed) in seeds {
            let operations = seed.operations
            XCTAssertEqual(operations.count, seed.expectedOperationCount, seed.title)
            let checker = try XCTUnwrap(checkers[seed.specFile], seed.specFile)
            var seedPassed = 0
            var seedFailures: [String] = []
            for operation in operations {
                let problems = checker.problems(for: operation, seedPath: seedCase.specPath(operation))
                if problems.isEmpty {
                    seedPassed += 1
                } else {
                    seedFailures.append("  FAIL \(operation.name): " + problems.joined(separator: "; "))
                }
            }
            let requiredCount = operations.reduce(0) { $0 + $1.requiredParameterNames.count }
            let bodyCount = operations.filter { $0.body != nil }.count
            print(
                "seed \(seed.title) vs \(seed.specFile): \(operations.count) operations "
                    + "(\(requiredCount) required parameters, \(bodyCount) bodies): "
                    + "\(seedPassed) passed, \(seedFailures.count) failed"
            )
            seedFailures.forEach { print($0) }
            passed += seedPassed
            failed += seedFailures.count
            failures += seedFailures.map { "\(seed.title):\($0.dropFirst(6))" }
        }
        print("parity: \(passed) passed, \(failed) failed")
        XCTAssertEqual(failed, 0, "operations not at parity:\n" + failures.joined(separator: "\n"))
        XCTAssertEqual(passed + failed, seeds.reduce(0) { $0 + $1.document.expectedOperationCount })
    }
}
