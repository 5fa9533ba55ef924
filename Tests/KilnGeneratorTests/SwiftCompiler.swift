import Foundation
import XCTest

/// Runs `swiftc -typecheck` on generated files: output must compile, in Swift 6 mode, without warnings.
enum SwiftCompiler {
    static func typeCheck(directory: URL, moduleName: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let sources = GoldenFiles.swiftFiles(under: directory).map { directory.appendingPathComponent($0).path }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swiftc", "-typecheck", "-swift-version", "6", "-module-name", moduleName] + sources
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 0, "generated \(moduleName) does not compile:\n\(text)", file: file, line: line)
        XCTAssertFalse(text.contains("warning:"), "generated \(moduleName) compiles with warnings:\n\(text)", file: file, line: line)
    }
}
