/// Lays out a parameter list on one line when short, else one parameter per line.
enum ArgumentListFormatter {
    static let maximumInlineLength = 80

    /// `indent` is the column of the declaration; wrapped parameters go four spaces deeper.
    static func format(_ arguments: [String], indent: Int) -> String {
        let inline = arguments.joined(separator: ", ")
        guard inline.count > maximumInlineLength else { return inline }
        let inner = String(repeating: " ", count: indent + 4)
        let outer = String(repeating: " ", count: indent)
        return "\n" + arguments.map { inner + $0 }.joined(separator: ",\n") + "\n" + outer
    }
}
