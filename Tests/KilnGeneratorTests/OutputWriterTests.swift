import Foundation
import KilnDiagnostics
import KilnGenerator
import XCTest

/// Output is swapped in whole or not at all, never escapes its directory, and keeps what it can.
final class OutputWriterTests: XCTestCase {
    private var root: URL!
    private var output: URL { root.appendingPathComponent("Out") }

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func write(_ files: [String: String]) throws(DiagnosticError) -> OutputWriter.Summary {
        let generated = files.keys.sorted().map { GeneratedFile(path: $0, contents: files[$0] ?? "") }
        return try OutputWriter(directory: output.path).write(generated)
    }

    private func modificationDate(_ path: String) throws -> Date {
        let attributes = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(path).path)
        return try XCTUnwrap(attributes[.modificationDate] as? Date)
    }

    private func contents() throws -> [String: String] {
        var result: [String: String] = [:]
        for path in GoldenFiles.swiftFiles(under: output) {
            result[path] = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
        }
        return result
    }

    func testUnchangedFilesKeepTheirTimestampsAndStaleOnesGo() throws {
        _ = try write(["A.swift": "a", "Models/B.swift": "b", "Old.swift": "old"])
        let before = try modificationDate("Models/B.swift")
        Thread.sleep(forTimeInterval: 1.1)
        let summary = try write(["A.swift": "a2", "Models/B.swift": "b"])
        XCTAssertEqual(summary.written, ["A.swift"])
        XCTAssertEqual(summary.unchanged, ["Models/B.swift"])
        XCTAssertEqual(summary.removed, ["Old.swift"])
        XCTAssertEqual(try modificationDate("Models/B.swift"), before)
        XCTAssertEqual(try contents(), ["A.swift": "a2", "Models/B.swift": "b"])
    }

    func testUsersOwnFilesInTheOutputAreKept() throws {
        _ = try write(["A.swift": "a"])
        try "notes".write(to: output.appendingPathComponent("NOTES.md"), atomically: true, encoding: .utf8)
        _ = try write(["A.swift": "changed"])
        XCTAssertEqual(try String(contentsOf: output.appendingPathComponent("NOTES.md"), encoding: .utf8), "notes")
    }

    func testPathsOutsideTheDirectoryAreRefusedAndNothingChanges() throws {
        _ = try write(["A.swift": "a"])
        for path in ["../Escaped.swift", "/tmp/Absolute.swift", "Models/../../Escaped.swift"] {
            XCTAssertThrowsError(try write(["A.swift": "changed", path: "x"]), path) { error in
                XCTAssertTrue("\(error)".contains("refusing to write"), "\(error)")
            }
            XCTAssertEqual(try contents(), ["A.swift": "a"], path)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("Escaped.swift").path))
        // No staging directory is left behind.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), ["Out"])
    }

    func testUnchangedOutputIsNotTouchedAtAll() throws {
        _ = try write(["A.swift": "a"])
        let directoryAttributes = try FileManager.default.attributesOfItem(atPath: output.path)
        let summary = try write(["A.swift": "a"])
        XCTAssertEqual(summary.written, [])
        XCTAssertEqual(summary.unchanged, ["A.swift"])
        let after = try FileManager.default.attributesOfItem(atPath: output.path)
        XCTAssertEqual(after[.systemFileNumber] as? Int, directoryAttributes[.systemFileNumber] as? Int)
    }
}
