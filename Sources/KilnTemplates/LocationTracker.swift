import KilnDiagnostics

/// Turns byte offsets into 1-based `line:column` locations by walking forward from a known point.
///
/// The lexers ask for offsets in increasing order only, so walking forward keeps lexing linear
/// instead of re-counting from the start of the line for every tag (templates can have long lines).
/// Columns count Unicode scalars, so `é` or `→` is one column, as editors show it.
struct LocationTracker {
    private let bytes: ArraySlice<UInt8>
    private let file: String
    private var offset: Int
    private var line: Int
    private var column: Int

    /// `start` is the location of `bytes.startIndex`.
    init(bytes: ArraySlice<UInt8>, start: SourceLocation) {
        self.bytes = bytes
        self.file = start.file
        self.offset = bytes.startIndex
        self.line = start.line
        self.column = start.column
    }

    mutating func location(at target: Int) -> SourceLocation {
        assert(target >= offset, "locations must be requested in increasing order")
        while offset < target && offset < bytes.endIndex {
            let byte = bytes[offset]
            if byte == ASCII.newline {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                // Only the first byte of a UTF-8 sequence starts a new column.
                column += 1
            }
            offset += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
