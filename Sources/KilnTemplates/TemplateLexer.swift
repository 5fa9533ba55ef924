import KilnDiagnostics

/// Splits template text into literal text and tags, applying whitespace control on the way.
///
/// Whitespace control — the rules template authors rely on to get exact output:
///
/// 1. Statement lines vanish. When a line holds nothing but whitespace and a single block tag
///    (`{% … %}`) or comment (`{# … #}`), the whole line — indentation, the tag, trailing
///    whitespace and its newline — produces no output. This is Jinja's `trim_blocks` +
///    `lstrip_blocks`, narrowed to lines that hold nothing else, so templates can indent their
///    control flow to mirror the generated code without the indentation or blank lines leaking
///    into it:
///
///        struct {{ name }} {
///            {% for p in properties %}
///            let {{ p.name }}: {{ p.type }}
///            {% endfor %}
///        }
///
///    prints just the `let` lines between the braces. A line with anything else on it is never
///    trimmed this way: `x{% if a %}y{% endif %}` keeps its surroundings, an `{{ }}` that prints
///    nothing still leaves its line, and a line of several tags (`{% endif %}{% endfor %}`,
///    `{% include "a" %} {% include "b" %}`) is left as written — put one tag per line, or use
///    dashes.
///
///    `{% include %}` alone on a line vanishes like any statement line, and what it includes
///    takes the line's place: every non-empty line of the included output is indented by the
///    indentation in front of the tag (as Mustache does for standalone partials). A partial is
///    then written at column 0 and reused at any nesting depth; its own final newline ends the
///    line, as template files end with one. `{%- include %}` opts out of the indentation.
/// 2. Dashes strip explicitly. `{%-`, `{{-` and `{#-` remove all whitespace, newlines included,
///    from the end of the text before the tag; `-%}`, `-}}` and `-#}` remove all whitespace from
///    the start of the text after it. Use them to join lines, e.g. a loop written over several
///    lines that must print on one: `init({% for p in ps -%}` ⏎ `{{ p }}, ` ⏎ `{%- endfor %})`.
/// 3. Both compose: whether a line vanishes is decided on the original text, then dashes strip
///    whatever whitespace remains next to them.
///
/// Two lexical details keep Swift code templates readable: a `{` right before a tag opener is
/// literal text, so `{{{ x }}}` prints `{`, the value, `}`; and string literals inside tags may
/// contain `}}` or `%}` (`{{ "}}" }}` prints `}}`), but may not span lines.
struct TemplateLexer {
    private let bytes: [UInt8]
    private var tracker: LocationTracker

    /// The tokens of `source`, and the location just past its end (where unclosed blocks are
    /// reported).
    static func tokenize(_ source: TemplateSource) throws(DiagnosticError) -> (tokens: [TemplateToken], end: SourceLocation) {
        var lexer = TemplateLexer(source)
        var segments = try lexer.scanSegments()
        trimStatementLines(&segments, in: lexer.bytes)
        applyDashes(&segments, in: lexer.bytes)
        let end = lexer.tracker.location(at: lexer.bytes.count)
        return (tokens(from: segments, in: lexer.bytes), end)
    }

    private init(_ source: TemplateSource) {
        bytes = Array(source.text.utf8)
        tracker = LocationTracker(
            bytes: bytes[...],
            start: SourceLocation(file: source.displayPath, line: 1, column: 1)
        )
    }

    // MARK: - Segments

    private enum Segment {
        case text(TextSegment)
        case tag(TagSegment)

        var isStatementOrComment: Bool {
            guard case .tag(let tag) = self else { return false }
            return tag.kind != .output
        }
    }

    /// Literal text between tags. Trimming narrows `kept`; `range` stays the original, because
    /// every trimming decision is made on the text as written.
    private struct TextSegment {
        let range: Range<Int>
        var kept: Range<Int>

        init(_ range: Range<Int>) {
            self.range = range
            self.kept = range
        }

        mutating func keep(from lower: Int) {
            kept = max(kept.lowerBound, lower)..<max(kept.upperBound, lower)
        }

        mutating func keep(upTo upper: Int) {
            kept = min(kept.lowerBound, upper)..<min(kept.upperBound, upper)
        }
    }

    private struct TagSegment {
        let kind: TagKind
        var content: TagContent
        /// `{%-`: strip whitespace before the tag.
        let stripsBefore: Bool
        /// `-%}`: strip whitespace after the tag.
        let stripsAfter: Bool
    }

    private enum TagKind {
        case output, statement, comment

        init?(secondByte byte: UInt8) {
            switch byte {
            case ASCII.openBrace: self = .output
            case ASCII.percent: self = .statement
            case ASCII.hash: self = .comment
            default: return nil
            }
        }

        /// The byte before the closing `}`: `}}`, `%}`, `#}`.
        var closingByte: UInt8 {
            switch self {
            case .output: return ASCII.closeBrace
            case .statement: return ASCII.percent
            case .comment: return ASCII.hash
            }
        }

        var delimiters: (open: String, close: String) {
            switch self {
            case .output: return ("{{", "}}")
            case .statement: return ("{%", "%}")
            case .comment: return ("{#", "#}")
            }
        }
    }

    // MARK: - Scanning

    private mutating func scanSegments() throws(DiagnosticError) -> [Segment] {
        var segments: [Segment] = []
        var textStart = 0
        while let (open, kind) = nextTagOpening(from: textStart) {
            if open > textStart {
                segments.append(.text(TextSegment(textStart..<open)))
            }
            let (tag, end) = try scanTag(kind, openingAt: open)
            segments.append(.tag(tag))
            textStart = end
        }
        if textStart < bytes.count {
            segments.append(.text(TextSegment(textStart..<bytes.count)))
        }
        return segments
    }

    /// The next `{{`, `{%` or `{#`. In a run like `{{{` or `{{%` the opener is the last possible
    /// one, so braces belonging to the generated Swift code stay text.
    private func nextTagOpening(from start: Int) -> (Int, TagKind)? {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == ASCII.openBrace, let kind = TagKind(secondByte: bytes[index + 1]) {
                let opensLater = kind == .output && index + 2 < bytes.count
                    && TagKind(secondByte: bytes[index + 2]) != nil
                if !opensLater { return (index, kind) }
            }
            index += 1
        }
        return nil
    }

    /// Reads the tag opening at `open`; returns it and the offset just past its closing delimiter.
    private mutating func scanTag(_ kind: TagKind, openingAt open: Int) throws(DiagnosticError) -> (TagSegment, Int) {
        let tagLocation = tracker.location(at: open)
        var contentStart = open + 2
        let stripsBefore = contentStart < bytes.count && bytes[contentStart] == ASCII.dash
        if stripsBefore { contentStart += 1 }
        guard let close = try findClose(of: kind, from: contentStart) else {
            let (opener, closer) = kind.delimiters
            throw DiagnosticError(.error("unclosed '\(opener)' (expected '\(closer)')", at: tagLocation))
        }
        var contentEnd = close
        let stripsAfter = contentEnd > contentStart && bytes[contentEnd - 1] == ASCII.dash
        if stripsAfter { contentEnd -= 1 }
        let content = TagContent(
            bytes: bytes[contentStart..<contentEnd],
            tagLocation: tagLocation,
            contentLocation: tracker.location(at: contentStart),
            endLocation: tracker.location(at: contentEnd)
        )
        let tag = TagSegment(kind: kind, content: content, stripsBefore: stripsBefore, stripsAfter: stripsAfter)
        return (tag, close + 2)
    }

    /// The offset of the tag's closing delimiter, skipping string literals in expression tags.
    private mutating func findClose(of kind: TagKind, from start: Int) throws(DiagnosticError) -> Int? {
        var index = start
        while index + 1 < bytes.count {
            let byte = bytes[index]
            if kind != .comment && (byte == ASCII.doubleQuote || byte == ASCII.singleQuote) {
                index = try endOfString(startingAt: index)
                continue
            }
            if byte == kind.closingByte && bytes[index + 1] == ASCII.closeBrace { return index }
            index += 1
        }
        return nil
    }

    /// The offset just past the string literal whose quote is at `start`. Strings must end on
    /// their line, so a stray quote is reported where it is instead of swallowing the template.
    private mutating func endOfString(startingAt start: Int) throws(DiagnosticError) -> Int {
        let quote = bytes[start]
        var index = start + 1
        while index < bytes.count && bytes[index] != ASCII.newline {
            if bytes[index] == ASCII.backslash {
                index += 2
                continue
            }
            if bytes[index] == quote { return index + 1 }
            index += 1
        }
        throw DiagnosticError(.error("unterminated string literal", at: tracker.location(at: start)))
    }

    // MARK: - Whitespace control

    /// Rule 1 of the type comment: a line holding only one statement tag or comment vanishes.
    private static func trimStatementLines(_ segments: inout [Segment], in bytes: [UInt8]) {
        for index in segments.indices where segments[index].isStatementOrComment {
            guard let before = trimBeforeLine(index, in: segments, bytes),
                let after = trimAfterLine(index, in: segments, bytes)
            else { continue }
            updateText(at: index - 1, in: &segments) { $0.keep(upTo: $0.range.upperBound - before) }
            updateText(at: index + 1, in: &segments) { $0.keep(from: $0.range.lowerBound + after) }
            if case .tag(var tag) = segments[index], before > 0, !tag.stripsBefore,
                case .text(let text) = segments[index - 1]
            {
                let indentation = (text.range.upperBound - before)..<text.range.upperBound
                tag.content.standaloneIndentation = String(decoding: bytes[indentation], as: UTF8.self)
                segments[index] = .tag(tag)
            }
        }
    }

    /// How many bytes of indentation to drop before the tag at `first`, or `nil` when the tag
    /// does not start its line (text or another tag precedes it on the same line).
    private static func trimBeforeLine(_ first: Int, in segments: [Segment], _ bytes: [UInt8]) -> Int? {
        guard first > 0 else { return 0 }
        guard case .text(let text) = segments[first - 1] else { return nil }
        let newline = text.range.last { bytes[$0] == ASCII.newline }
        // Without a newline the text only starts the line if it starts the template.
        guard newline != nil || first - 1 == 0 else { return nil }
        let indentation = (newline.map { $0 + 1 } ?? text.range.lowerBound)..<text.range.upperBound
        guard indentation.allSatisfy({ ASCII.isHorizontalWhitespace(bytes[$0]) }) else { return nil }
        return indentation.count
    }

    /// How many bytes (trailing whitespace and the newline) to drop after the tag at `last`, or
    /// `nil` when something other than whitespace (text or another tag) follows it on its line.
    private static func trimAfterLine(_ last: Int, in segments: [Segment], _ bytes: [UInt8]) -> Int? {
        guard last + 1 < segments.count else { return 0 }
        guard case .text(let text) = segments[last + 1] else { return nil }
        let newline = text.range.first { bytes[$0] == ASCII.newline }
        // Without a newline the text only ends the line if it ends the template.
        guard newline != nil || last + 1 == segments.count - 1 else { return nil }
        let rest = text.range.lowerBound..<(newline ?? text.range.upperBound)
        guard rest.allSatisfy({ ASCII.isHorizontalWhitespace(bytes[$0]) }) else { return nil }
        return newline.map { $0 + 1 - text.range.lowerBound } ?? rest.count
    }

    /// Rule 2 of the type comment: `-` next to a delimiter strips all adjacent whitespace.
    private static func applyDashes(_ segments: inout [Segment], in bytes: [UInt8]) {
        for index in segments.indices {
            guard case .tag(let tag) = segments[index] else { continue }
            if tag.stripsBefore {
                updateText(at: index - 1, in: &segments) { text in
                    let lastKept = text.range.last { !ASCII.isWhitespace(bytes[$0]) }
                    text.keep(upTo: lastKept.map { $0 + 1 } ?? text.range.lowerBound)
                }
            }
            if tag.stripsAfter {
                updateText(at: index + 1, in: &segments) { text in
                    let firstKept = text.range.first { !ASCII.isWhitespace(bytes[$0]) }
                    text.keep(from: firstKept ?? text.range.upperBound)
                }
            }
        }
    }

    /// Runs `update` on the text segment at `index`; does nothing for tags or out-of-range indices,
    /// which is what "the text before/after this tag" means when there is none.
    private static func updateText(at index: Int, in segments: inout [Segment], _ update: (inout TextSegment) -> Void) {
        guard segments.indices.contains(index), case .text(var text) = segments[index] else { return }
        update(&text)
        segments[index] = .text(text)
    }

    // MARK: - Tokens

    private static func tokens(from segments: [Segment], in bytes: [UInt8]) -> [TemplateToken] {
        var tokens: [TemplateToken] = []
        tokens.reserveCapacity(segments.count)
        for segment in segments {
            switch segment {
            case .text(let text):
                guard !text.kept.isEmpty else { continue }
                let string = String(decoding: bytes[text.kept], as: UTF8.self)
                // Text split only by a comment becomes one token, so rendering appends it once.
                if case .text(let previous)? = tokens.last {
                    tokens[tokens.count - 1] = .text(previous + string)
                } else {
                    tokens.append(.text(string))
                }
            case .tag(let tag):
                switch tag.kind {
                case .output: tokens.append(.output(tag.content))
                case .statement: tokens.append(.statement(tag.content))
                case .comment: break
                }
            }
        }
        return tokens
    }
}
