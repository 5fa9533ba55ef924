/// The human text attached to a declaration, gathered from title, description and example.
public struct IRDocumentation: Sendable, Hashable {
    public var summary: String?
    public var details: String?
    public var deprecated: Bool
    /// The schema's example as compact JSON text.
    public var example: String?
    /// The schema's default value as compact JSON text.
    public var defaultValue: String?

    public init(
        summary: String? = nil, details: String? = nil, deprecated: Bool = false,
        example: String? = nil, defaultValue: String? = nil
    ) {
        self.summary = summary
        self.details = details
        self.deprecated = deprecated
        self.example = example
        self.defaultValue = defaultValue
    }

    /// Summary then details, as paragraphs, without surrounding blank lines.
    public var text: String? {
        let parts = [summary, details]
            .compactMap { $0?.trimmingWhitespaceAndNewlines }
            .filter { !$0.isEmpty }
        // A title that merely repeats the description's first line adds nothing.
        if parts.count == 2, parts[1].hasPrefix(parts[0]) { return parts[1] }
        return parts.isEmpty ? nil : parts.joined(separator: "\n\n")
    }
}

extension String {
    var trimmingWhitespaceAndNewlines: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }
}
