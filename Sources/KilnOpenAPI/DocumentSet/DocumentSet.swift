import KilnDiagnostics
internal import KilnYAML

/// Every file a description consists of: the root file and, transitively, each file its `$ref`s name.
///
/// Files are parsed once each, keyed by canonical path, so chains and cycles across files cost
/// nothing extra. Each file keeps its own name in node locations, so diagnostics point into the
/// right file. Problems (a missing file, a remote reference) are reported at the `$ref` naming them.
final class DocumentSet {
    private(set) var files: [DocumentFile] = []
    private var indexByPath: [String: Int] = [:]
    /// Files whose syntax errors are already reported, so a second reference does not repeat them.
    private var unparsablePaths: Set<String> = []
    /// `$id` → the file and pointer of the schema declaring it, across the whole set.
    private(set) var identifiers: [String: (file: Int, tokens: [String])] = [:]
    var log = DiagnosticLog()
    private let rootDirectory: String
    private let rootDisplayDirectory: String

    var root: DocumentFile { files[0] }

    /// Loads the root file and everything it references. Throws when the root itself cannot be read
    /// or parsed; problems in referenced files are collected in `log`.
    init(path: String, displayPath: String) throws(DiagnosticError) {
        let canonical = SpecFilePath.canonical(path)
        rootDirectory = SpecFilePath.directory(of: canonical)
        rootDisplayDirectory = SpecFilePath.directory(of: displayPath)
        let document = try YAMLParser.parse(contentsOfFile: path, displayPath: displayPath)
        log.append(contentsOf: document.warnings)
        add(DocumentFile(path: canonical, displayPath: displayPath, root: document.root))
        var next = 0
        while next < files.count {
            loadReferencedFiles(of: next)
            next += 1
        }
        reportUnknownAbsoluteReferences()
    }

    /// The file a non-local reference written in `file` names, or `nil` when it is not loaded (already reported).
    func fileIndex(for reference: ReferenceText, from file: Int) -> Int? {
        guard !reference.isLocal else { return file }
        if reference.isAbsoluteURI { return identifiers[reference.document]?.file }
        return indexByPath[resolvedPath(reference.document, from: file)]
    }

    private func add(_ file: DocumentFile) {
        indexByPath[file.path] = files.count
        for (identifier, tokens) in file.identifiers where identifiers[identifier] == nil {
            identifiers[identifier] = (files.count, tokens)
        }
        files.append(file)
    }

    private func loadReferencedFiles(of fileIndex: Int) {
        for (text, node, _) in files[fileIndex].references {
            let reference = ReferenceText(text)
            guard !reference.isLocal, !reference.isAbsoluteURI else { continue }
            let path = resolvedPath(reference.document, from: fileIndex)
            guard indexByPath[path] == nil, !unparsablePaths.contains(path) else { continue }
            load(path, referencedAt: node, as: reference.document)
        }
    }

    private func load(_ path: String, referencedAt node: YAMLNode, as written: String) {
        let displayPath = self.displayPath(of: path)
        switch SpecFilePath.kind(of: path) {
        case .file:
            break
        case .missing:
            log.error("referenced file '\(written)' does not exist (looked for '\(displayPath)')", at: node.location)
            return
        case .directory:
            log.error("referenced file '\(written)' is a directory ('\(displayPath)')", at: node.location)
            return
        }
        do {
            let document = try YAMLParser.parse(contentsOfFile: path, displayPath: displayPath)
            log.append(contentsOf: document.warnings)
            add(DocumentFile(path: path, displayPath: displayPath, root: document.root))
        } catch {
            unparsablePaths.insert(path)
            // A syntax error has its own place in the referenced file; an unreadable file has none, so it goes at the `$ref`.
            for diagnostic in error.diagnostics {
                log.append(diagnostic.location == nil ? .error(diagnostic.message, at: node.location) : diagnostic)
            }
        }
    }

    /// Absolute URIs are fine when some schema of the set declares them as its `$id`; Kiln never fetches the rest.
    private func reportUnknownAbsoluteReferences() {
        for file in files {
            for (text, node, _) in file.references {
                let reference = ReferenceText(text)
                guard reference.isAbsoluteURI, identifiers[reference.document] == nil else { continue }
                log.error(
                    "remote reference '\(text)': Kiln does not fetch documents over the network; download the files "
                        + "and refer to them by relative path, or bundle the description into one file with another tool first",
                    at: node.location
                )
            }
        }
    }

    /// A relative reference resolved against the directory of the file it is written in.
    private func resolvedPath(_ relative: String, from file: Int) -> String {
        if relative.hasPrefix("/") { return SpecFilePath.canonical(relative) }
        return SpecFilePath.canonical(SpecFilePath.joining(SpecFilePath.directory(of: files[file].path), relative))
    }

    /// The root file's display directory joined with the path relative to the root file's directory.
    private func displayPath(of path: String) -> String {
        let relative = Self.relativePath(of: path, from: rootDirectory)
        guard !rootDisplayDirectory.isEmpty else { return relative }
        return SpecFilePath.joining(rootDisplayDirectory, relative)
    }

    /// `path` relative to `directory`, with `..` where it lies outside; both are canonical.
    static func relativePath(of path: String, from directory: String) -> String {
        let target = path.split(separator: "/")
        let base = directory.split(separator: "/")
        var common = 0
        while common < min(target.count, base.count), target[common] == base[common] { common += 1 }
        let ups = Array(repeating: "..", count: base.count - common)
        return (ups + target[common...].map(String.init)).joined(separator: "/")
    }
}
