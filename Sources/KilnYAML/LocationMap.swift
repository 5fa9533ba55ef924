import KilnDiagnostics

/// Turns libyaml's 0-based marks into 1-based locations in the file as written.
///
/// Usually that is just +1. When surrogate-pair escapes were rewritten before parsing (see
/// `SurrogateEscapeRewriter`), each rewrite made its line 2 characters shorter; those shifts are
/// recorded here and added back to columns after them.
struct LocationMap {
    /// The length difference of one rewrite: `\uD83D\uDE00` (12 characters) became `\U0001F600` (10).
    static let shiftPerRewrite = 2

    let file: String
    /// Per 0-based line, the 0-based columns (in the rewritten text) just after each rewrite, ascending.
    private var rewriteEnds: [Int: [Int]] = [:]

    init(file: String) {
        self.file = file
    }

    mutating func recordRewrite(line: Int, endColumn: Int) {
        var ends = rewriteEnds[line, default: []]
        ends.insert(endColumn, at: insertionIndex(of: endColumn, in: ends))
        rewriteEnds[line] = ends
    }

    /// The location of a 0-based line and column of the text libyaml parsed.
    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line + 1, column: originalColumn(line: line, column: column) + 1)
    }

    private func originalColumn(line: Int, column: Int) -> Int {
        guard let ends = rewriteEnds[line] else { return column }
        // Rewrites ending at or before the column happened before it on the line.
        return column + Self.shiftPerRewrite * insertionIndex(of: column + 1, in: ends)
    }

    /// The number of elements of the ascending `values` that are less than `value`.
    private func insertionIndex(of value: Int, in values: [Int]) -> Int {
        var low = 0
        var high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
