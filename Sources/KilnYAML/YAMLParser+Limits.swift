import KilnDiagnostics

extension YAMLParser {
    /// Bounds on what a document may cost, so a hostile or broken input fails fast instead of
    /// exhausting memory or time.
    public struct Limits: Sendable, Hashable {
        /// The most nodes a document may have, counting every node an alias copies in
        /// (a "billion laughs" document is small as text but huge once expanded).
        public var maxNodes: Int
        /// The deepest nesting of sequences and mappings allowed.
        public var maxDepth: Int
        /// The largest input read, in bytes. The biggest public API descriptions are a few MB;
        /// refusing far larger input up front keeps memory bounded.
        public var maxInputBytes: Int

        public init(maxNodes: Int = 5_000_000, maxDepth: Int = 1_000, maxInputBytes: Int = 64 << 20) {
            self.maxNodes = maxNodes
            self.maxDepth = maxDepth
            self.maxInputBytes = maxInputBytes
        }

        func checkSize(_ byteCount: Int, file: String) throws(DiagnosticError) {
            guard byteCount > maxInputBytes else { return }
            let megabytes = (Double(byteCount) / 1_048_576 * 10).rounded() / 10
            throw DiagnosticError(.error(
                "'\(file)' is \(megabytes) MB; documents larger than \(maxInputBytes >> 20) MB are refused", at: nil
            ))
        }
    }
}
