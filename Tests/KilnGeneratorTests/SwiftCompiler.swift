import Foundation
import XCTest

/// Runs `swiftc -typecheck` on generated files: output must compile, in Swift 6 mode, without warnings.
enum SwiftCompiler {
    static func typeCheck(directory: URL, moduleName: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try run(directory: directory, moduleName: moduleName)
        XCTAssertEqual(result.status, 0, "generated \(moduleName) does not compile:\n\(result.output)", file: file, line: line)
        XCTAssertFalse(result.output.contains("warning:"), "generated \(moduleName) compiles with warnings:\n\(result.output)", file: file, line: line)
    }

    /// `swiftc -typecheck` over every Swift file under `directory`: exit status and combined output.
    static func run(directory: URL, moduleName: String) throws -> (status: Int32, output: String) {
        let sources = GoldenFiles.swiftFiles(under: directory).map { directory.appendingPathComponent($0).path }
        return try command(["swiftc", "-typecheck", "-swift-version", "6", "-module-name", moduleName] + sources)
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
