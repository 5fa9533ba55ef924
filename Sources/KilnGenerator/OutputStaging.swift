import Foundation
import KilnDiagnostics

/// One run of an `OutputWriter`: files go into the staging tree as they are added, and `finish()`
/// swaps the tree in. A staging dropped without `finish()` (a failed generation) is removed, so
/// the previous output stays untouched whenever the run fails.
///
/// Adding each file as it is rendered keeps a run's memory bounded by its largest file instead of
/// its whole output (77 MB of Swift for a 20 MB spec).
public final class OutputStaging {
    private let writer: OutputWriter
    private let staging: URL
    private let stagingPath: String
    /// Every regular file of the previous output, relative to it.
    private let existing: [String]
    private let existingPaths: Set<String>
    private var directories: OutputWriter.DirectoryMaker
    private var added: Set<String> = []
    private var summary = OutputWriter.Summary()
    private var isClosed = false

    init(writer: OutputWriter, staging: URL, existing: [String], directories: OutputWriter.DirectoryMaker) {
        self.writer = writer
        self.staging = staging
        self.stagingPath = staging.path
        self.existing = existing
        self.existingPaths = Set(existing)
        self.directories = directories
    }

    deinit {
        if !isClosed { try? writer.fileManager.removeItem(at: staging) }
    }

    /// How many files were added so far.
    public var fileCount: Int { summary.written.count + summary.unchanged.count }

    /// Writes `file` into the staging tree (or links the previous one when its bytes are the same).
    public func add(_ file: GeneratedFile) throws(DiagnosticError) {
        precondition(!isClosed, "a finished staging takes no more files")
        do {
            let unchanged = try writer.stage(
                file, in: stagingPath, hasPrevious: existingPaths.contains(file.path), directories: &directories
            )
            added.insert(file.path)
            if unchanged {
                summary.unchanged.append(file.path)
            } else {
                summary.written.append(file.path)
            }
        } catch {
            throw writer.failure(error)
        }
    }

    /// Carries the user's files over and swaps the staged tree in; the previous `.swift` files that
    /// no added file replaces are the ones removed.
    public func finish() throws(DiagnosticError) -> OutputWriter.Summary {
        precondition(!isClosed, "a staging is finished once")
        isClosed = true
        let fileManager = writer.fileManager
        do {
            let previous = existing.filter { $0.hasSuffix("." + OutputWriter.generatedExtension) || added.contains($0) }
            summary.removed = Set(previous).subtracting(added).sorted()
            try writer.carryOverUserFiles(existing, into: stagingPath, directories: &directories)
            if summary.written.isEmpty && summary.removed.isEmpty && fileManager.fileExists(atPath: writer.directory.path) {
                // Nothing changes: leave the directory itself alone too.
                try? fileManager.removeItem(at: staging)
                return summary
            }
            try writer.swapIn(staging)
            return summary
        } catch {
            try? fileManager.removeItem(at: staging)
            throw writer.failure(error)
        }
    }
}
