import Foundation
import XCTest

/// Runs `swiftc -typecheck` on generated files: output must compile without warnings in both language
/// modes users build in, Swift 6 and Swift 5 (still the mode of most packages; it warns differently
/// about sendability).
///
/// Every compile here is whole-module (`-wmo`): otherwise the driver starts a frontend per file, each
/// parsing every file of the module, and Discord's 643 generated files type-check in 272 s instead of 37 s.
enum SwiftCompiler {
    static let languageModes = ["6", "5"]

    static func typeCheck(directory: URL, moduleName: String, file: StaticString = #filePath, line: UInt = #line) throws {
        // One compiler process per mode, side by side: each is single-threaded, and the machines have 2 cores.
        let results = try languageModes.concurrentMap { mode in try run(directory: directory, moduleName: moduleName, languageMode: mode) }
        for (mode, result) in zip(languageModes, results) {
            XCTAssertEqual(
                result.status, 0, "generated \(moduleName) does not compile in Swift \(mode) mode:\n\(result.output)", file: file, line: line
            )
            XCTAssertFalse(
                result.output.contains("warning:"), "generated \(moduleName) warns in Swift \(mode) mode:\n\(result.output)",
                file: file, line: line
            )
        }
    }

    /// `swiftc -typecheck` over every Swift file under `directory`: exit status and combined output.
    static func run(directory: URL, moduleName: String, languageMode: String = "6") throws -> (status: Int32, output: String) {
        let sources = GoldenFiles.swiftFiles(under: directory).map { directory.appendingPathComponent($0).path }
        return try command(["swiftc", "-typecheck", "-wmo", "-swift-version", languageMode, "-module-name", moduleName] + sources)
    }

    /// Runs a toolchain command found on `PATH`: exit status and combined output.
    static func command(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
