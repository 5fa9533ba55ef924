import Foundation
import KilnAPIDiff
import KilnIR
import XCTest

/// `kiln diff` reports on small spec pairs, compared with checked-in text.
final class APIDiffTests: XCTestCase {
    func testDiffReportMatchesGoldenText() throws {
        let directory = FixtureTests.fixturesDirectory.appendingPathComponent("diff")
        let old = try IRLowering.lower(specAt: directory.appendingPathComponent("old.yaml").path, moduleName: "Diff")
        let new = try IRLowering.lower(specAt: directory.appendingPathComponent("new.yaml").path, moduleName: "Diff")
        let diff = APISurfaceDiff(old: APISurface(old.module), new: APISurface(new.module))
        let report = diff.report(oldName: "old.yaml", newName: "new.yaml")

        let expectedURL = directory.appendingPathComponent("expected-report.txt")
        if GoldenFiles.isRecording {
            try report.write(to: expectedURL, atomically: true, encoding: .utf8)
            return
        }
        XCTAssertEqual(report, try String(contentsOf: expectedURL, encoding: .utf8))
    }

    func testClassifiesBreakingChanges() throws {
        let directory = FixtureTests.fixturesDirectory.appendingPathComponent("diff")
        let old = try IRLowering.lower(specAt: directory.appendingPathComponent("old.yaml").path, moduleName: "Diff")
        let new = try IRLowering.lower(specAt: directory.appendingPathComponent("new.yaml").path, moduleName: "Diff")
        let diff = APISurfaceDiff(old: APISurface(old.module), new: APISurface(new.module))
        let breaking = diff.breaking.map(\.text)
        let nonBreaking = diff.nonBreaking.map(\.text)

        XCTAssertTrue(breaking.contains("- removed operation deletePet (DELETE /pets/{id})"), "\(breaking)")
        XCTAssertTrue(breaking.contains("+ listPets: added required parameter species: String"), "\(breaking)")
        XCTAssertTrue(breaking.contains("- listPets: removed parameter owner: String"), "\(breaking)")
        XCTAssertTrue(breaking.contains("~ listPets: parameter limit is Int32 instead of Int"), "\(breaking)")
        XCTAssertTrue(breaking.contains("- removed struct Legacy"), "\(breaking)")
        XCTAssertTrue(breaking.contains("~ Pet.age is Double? instead of Int?") || breaking.contains("~ Pet.age is Double instead of Int"), "\(breaking)")
        XCTAssertTrue(breaking.contains("+ Pet: added property species: String"), "\(breaking)")
        XCTAssertTrue(nonBreaking.contains("+ added operation createPet (POST /pets)"), "\(nonBreaking)")
        XCTAssertTrue(nonBreaking.contains("+ listPets: added optional parameter cursor: String"), "\(nonBreaking)")
        XCTAssertTrue(nonBreaking.contains("+ Pet: added property nickname: String?"), "\(nonBreaking)")
        XCTAssertTrue(nonBreaking.contains("+ Color: added case blue"), "\(nonBreaking)")
    }
}
