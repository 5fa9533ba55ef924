import Foundation
import KilnDiagnostics
import KilnGenerator
import XCTest

/// The staged files are written with plain system calls (no fsync per file) and compared with the
/// previous output byte for byte; what lands on disk must be exactly what was generated.
final class OutputWriterStagingTests: XCTestCase {
    private var root: URL!
    private var output: URL { root.appendingPathComponent("Out") }

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-staging-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func write(_ files: [(String, String)]) throws(DiagnosticError) -> OutputWriter.Summary {
        try OutputWriter(directory: output.path).write(files.map { GeneratedFile(path: $0.0, contents: $0.1) })
    }

    private func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: output.appendingPathComponent(path)))
    }

    func testFilesInNestedDirectoriesHoldExactlyTheirText() throws {
        let large = String(repeating: "let x = \"é😀\"\n", count: 20_000)
        let files = [("A.swift", "a"), ("Empty.swift", ""), ("Models/Deep/B.swift", "// ünïcödé\r\n"),
                     ("Models/C.swift", large), ("./Support/D.swift", "d")]
        let summary = try write(files)
        XCTAssertEqual(summary.written, files.map(\.0))
        XCTAssertEqual(try bytes("A.swift"), Array("a".utf8))
        XCTAssertEqual(try bytes("Empty.swift"), [])
        XCTAssertEqual(try bytes("Models/Deep/B.swift"), Array("// ünïcödé\r\n".utf8))
        XCTAssertEqual(try bytes("Models/C.swift"), Array(large.utf8))
        XCTAssertEqual(try bytes("Support/D.swift"), Array("d".utf8))
    }

    func testNewFilesGetTheUsualPermissions() throws {
        _ = try write([("A.swift", "a")])
        let attributes = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("A.swift").path)
        let mask = umask(0)
        umask(mask)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o666 & ~Int(mask))
    }

    func testAChangeOfTheSameSizeIsWrittenAndAnEqualFileIsLinked() throws {
        _ = try write([("A.swift", "abc"), ("B.swift", "same"), ("C.swift", "")])
        let summary = try write([("A.swift", "abd"), ("B.swift", "same"), ("C.swift", "")])
        XCTAssertEqual(summary.written, ["A.swift"])
        XCTAssertEqual(summary.unchanged, ["B.swift", "C.swift"])
        XCTAssertEqual(try bytes("A.swift"), Array("abd".utf8))
        XCTAssertEqual(try bytes("B.swift"), Array("same".utf8))
    }

    func testPathsWithoutAFileNameAreRefused() throws {
        for path in ["", ".", "./.", "/", "a/../b.swift"] {
            XCTAssertThrowsError(try write([(path, "x")]), path) { error in
                XCTAssertTrue("\(error)".contains("refusing to write"), "\(error)")
            }
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), [])
    }

    func testAFileWhereADirectoryMustGoFailsAndLeavesTheOutputAlone() throws {
        _ = try write([("A.swift", "a")])
        XCTAssertThrowsError(try write([("A.swift", "changed"), ("A.swift/B.swift", "b")])) { error in
            XCTAssertTrue("\(error)".contains("cannot write output"), "\(error)")
        }
        XCTAssertEqual(try bytes("A.swift"), Array("a".utf8))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), ["Out"])
    }
}
