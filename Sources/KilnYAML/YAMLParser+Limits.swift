extension YAMLParser {
    /// Bounds on what a document may cost, so a hostile or broken input fails fast instead of
    /// exhausting memory or time.
    public struct Limits: Sendable, Hashable {
        /// The most nodes a document may have, counting every node an alias copies in
        /// (a "billion laughs" document is small as text but huge once expanded).
        public var maxNodes: Int
        /// The deepest nesting of sequences and mappings allowed.
        public var maxDepth: Int

        public init(maxNodes: Int = 5_000_000, maxDepth: Int = 1_000) {
            self.maxNodes = maxNodes
            self.maxDepth = maxDepth
        }
    }
}
