import Foundation
import KilnDiagnostics

/// Writes generated files into an output directory so that it is never left half-written.
///
/// The new tree is assembled in a sibling temporary directory and then swapped in with renames:
/// until the swap, the previous output is untouched; if anything fails, the temporary tree is
/// removed and the error reported. Unchanged files are hard-linked from the previous output
/// (their timestamps kept, so builds stay incremental), and files Kiln does not generate
/// (anything but `.swift` and the files of this run, such as the module's `README.md`) are carried over.
public struct OutputWriter {
    public struct Summary: Sendable, Equatable {
        public var written: [String] = []
        public var unchanged: [String] = []
        public var removed: [String] = []
    }

    /// Kiln owns the `.swift` files of its output directory; everything else there is the user's.
    static let generatedExtension = "swift"

    public let directory: URL
    let fileManager = FileManager.default

    public init(directory: String) {
        self.directory = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
    }

    public func write(_ files: [GeneratedFile]) throws(DiagnosticError) -> Summary {
        let staging = try begin()
        for file in files { try staging.add(file) }
        return try staging.finish()
    }

    /// Starts a run whose files are written into the staging tree one by one as they are made
    /// (`OutputStaging.add`), so no run needs to hold its whole output in memory; `finish()` swaps
    /// them in, and a staging that is dropped unfinished is removed, leaving the output untouched.
    public func begin() throws(DiagnosticError) -> OutputStaging {
        let staging = directory.deletingLastPathComponent()
            .appendingPathComponent(".\(directory.lastPathComponent).kiln-\(UUID().uuidString)", isDirectory: true)
        var directories = DirectoryMaker(fileManager: fileManager)
        do {
            try directories.make(staging.path)
        } catch {
            throw failure(error)
        }
        return OutputStaging(writer: self, staging: staging, existing: existingFiles(), directories: directories)
    }

    /// Any error of a run as the one diagnostic the CLI prints.
    func failure(_ error: any Error) -> DiagnosticError {
        if let diagnostic = error as? DiagnosticError { return diagnostic }
        return DiagnosticError(.error("cannot write output to \(directory.path): \(error.localizedDescription)", at: nil))
    }

    // MARK: Staging

    /// Writes one file into the staging tree, or hard-links the previous one if it has the same
    /// bytes; returns whether it was unchanged.
    func stage(
        _ file: GeneratedFile,
        in staging: String,
        hasPrevious: Bool,
        directories: inout DirectoryMaker
    ) throws -> Bool {
        let target = try destination(of: file.path, under: staging)
        try directories.make(parent(of: target))
        let old = directory.path + "/" + file.path
        var contents = file.contents
        return try contents.withUTF8 { bytes throws in
            if hasPrevious, Self.file(atPath: old, holds: bytes) {
                try linkOrCopy(old, to: target)
                return true
            }
            try Self.writeFile(bytes, to: target)
            return false
        }
    }

    /// Relative paths of every regular file under the output directory (symbolic links are not
    /// followed, hidden files are included).
    ///
    /// Walked with `opendir`/`readdir`: `FileManager`'s enumerator built a `URL` and read its resource
    /// values for each file, ~340,000 instructions a file (a tenth of a 3 MB spec's whole run).
    private func existingFiles() -> [String] {
        let root = directory.path
        var paths: [String] = []
        var pending = [""]
        while let folder = pending.popLast() {
            guard let stream = opendir(folder.isEmpty ? root : root + "/" + folder) else { continue }
            defer { closedir(stream) }
            while let entry = readdir(stream) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                guard name != ".", name != ".." else { continue }
                let path = folder.isEmpty ? name : folder + "/" + name
                switch Self.kind(of: entry.pointee.d_type, at: root + "/" + path) {
                case .directory: pending.append(path)
                case .regularFile: paths.append(path)
                case .other: break
                }
            }
        }
        return paths
    }

    private enum EntryKind {
        case directory, regularFile, other
    }

    /// The entry's kind as `lstat` tells it; `readdir` knows it on most file systems.
    private static func kind(of type: UInt8, at path: String) -> EntryKind {
        switch Int(type) {
        case Int(DT_DIR): return .directory
        case Int(DT_REG): return .regularFile
        case Int(DT_UNKNOWN):
            var status = stat()
            guard lstat(path, &status) == 0 else { return .other }
            switch status.st_mode & S_IFMT {
            case S_IFDIR: return .directory
            case S_IFREG: return .regularFile
            default: return .other
            }
        default: return .other
        }
    }

    func carryOverUserFiles(_ existing: [String], into staging: String, directories: inout DirectoryMaker) throws {
        for path in existing where !path.hasSuffix("." + Self.generatedExtension) {
            let target = staging + "/" + path
            guard !fileManager.fileExists(atPath: target) else { continue }
            try directories.make(parent(of: target))
            try linkOrCopy(directory.path + "/" + path, to: target)
        }
    }

    /// A hard link keeps the file's timestamps; across file systems a copy has to do.
    private func linkOrCopy(_ source: String, to target: String) throws {
        guard link(source, target) != 0 else { return }
        try fileManager.copyItem(atPath: source, toPath: target)
    }

    /// Resolves a relative output path, refusing anything that would land outside the directory.
    ///
    /// Components are split on the `/` byte, as the file system reads the path; `.` and empty
    /// components are dropped, so the result is `root/…` with at least one component.
    private func destination(of relativePath: String, under root: String) throws(DiagnosticError) -> String {
        let components = relativePath.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
        let kept = components.filter { $0 != "." }
        guard !relativePath.hasPrefix("/"), !components.contains(".."), !kept.isEmpty else {
            throw DiagnosticError(.error("refusing to write '\(relativePath)' outside the output directory", at: nil))
        }
        return root + "/" + kept.joined(separator: "/")
    }

    /// The path up to its last `/` (every path given here has one).
    private func parent(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        return String(Substring(path.utf8[..<slash]))
    }

    // MARK: Swapping

    /// Renames the old output aside, the staged tree into place, then deletes the old one.
    func swapIn(_ staging: URL) throws {
        guard fileManager.fileExists(atPath: directory.path) else {
            try fileManager.moveItem(at: staging, to: directory)
            return
        }
        let retired = directory.deletingLastPathComponent()
            .appendingPathComponent(".\(directory.lastPathComponent).kiln-old-\(UUID().uuidString)", isDirectory: true)
        try fileManager.moveItem(at: directory, to: retired)
        do {
            try fileManager.moveItem(at: staging, to: directory)
        } catch {
            // Put the previous output back before reporting.
            try? fileManager.moveItem(at: retired, to: directory)
            throw error
        }
        try? fileManager.removeItem(at: retired)
    }
}

// MARK: File I/O

extension OutputWriter {
    /// Creates each directory once per run instead of once per file written into it.
    struct DirectoryMaker {
        let fileManager: FileManager
        private var made: Set<String> = []

        init(fileManager: FileManager) {
            self.fileManager = fileManager
        }

        mutating func make(_ path: String) throws {
            guard made.insert(path).inserted else { return }
            try fileManager.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
    }

    /// A failed system call on an output file, with the path and the system's reason.
    private struct FileError: Error, LocalizedError {
        let operation: String
        let path: String
        let code: Int32

        var errorDescription: String? { "cannot \(operation) '\(path)': \(String(cString: strerror(code)))" }
    }

    /// Writes a staged file with plain POSIX calls. Unlike `Data.write(to:)` on Linux there is no
    /// fsync per file: the staged tree only becomes the output by a rename after all files are written.
    private static func writeFile(_ bytes: UnsafeBufferPointer<UInt8>, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw FileError(operation: "create", path: path, code: errno) }
        var written = 0
        while written < bytes.count, let base = bytes.baseAddress {
            let result = systemWrite(descriptor, base + written, bytes.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(descriptor)
                throw FileError(operation: "write", path: path, code: code)
            }
            written += result
        }
        guard close(descriptor) == 0 else { throw FileError(operation: "write", path: path, code: errno) }
    }

    /// Whether the file at `path` holds exactly `expected`; any failure to read it counts as "no".
    private static func file(atPath path: String, holds expected: UnsafeBufferPointer<UInt8>) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        // A size mismatch, the common change, is settled without reading.
        guard fstat(descriptor, &status) == 0, Int(status.st_size) == expected.count else { return false }
        // One byte of room more than expected, so a file that grew meanwhile is noticed.
        let capacity = expected.count + 1
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 1)
        defer { buffer.deallocate() }
        guard let base = buffer.baseAddress else { return false }
        var filled = 0
        while filled < capacity {
            let result = read(descriptor, base + filled, capacity - filled)
            if result < 0 {
                if errno == EINTR { continue }
                return false
            }
            if result == 0 { break }
            filled += result
        }
        guard filled == expected.count, let expectedBase = expected.baseAddress else { return filled == expected.count }
        return memcmp(base, expectedBase, filled) == 0
    }
}

/// The system `write(2)`: inside `OutputWriter` the name means its own `write(_:)`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
