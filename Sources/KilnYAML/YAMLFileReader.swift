import Foundation
import KilnDiagnostics

/// Reads a spec file's bytes, turning failures into a diagnostic that says why in plain words
/// (Foundation's own messages on Linux are often just "The operation could not be completed").
enum YAMLFileReader {
    static func bytes(ofFile path: String, displayPath: String, limits: YAMLParser.Limits) throws(DiagnosticError) -> [UInt8] {
        if let reason = unreadableReason(path) {
            throw unreadable(displayPath, reason)
        }
        // Checked before reading, so a huge file is refused without being loaded.
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        try limits.checkSize(size, file: displayPath)
        do {
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw unreadable(displayPath, error.localizedDescription)
        }
    }

    private static func unreadableReason(_ path: String) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return "no such file" }
        if isDirectory.boolValue { return "it is a directory" }
        if !FileManager.default.isReadableFile(atPath: path) { return "permission denied" }
        return nil
    }

    private static func unreadable(_ displayPath: String, _ reason: String) -> DiagnosticError {
        DiagnosticError(.error("cannot read '\(displayPath)': \(reason)", at: nil))
    }
}
