import KilnDiagnostics

/// One piece of a lexed template: literal text, already whitespace-trimmed, or the inside of a tag.
/// Comments are gone by this point; they only influenced trimming.
enum TemplateToken {
    case text(String)
    /// `{{ … }}`.
    case output(TagContent)
    /// `{% … %}`.
    case statement(TagContent)
}

/// The bytes between a tag's delimiters (and its dashes), and where they sit in the template.
struct TagContent {
    /// A slice of the whole template's bytes, so indices are offsets into the template.
    let bytes: ArraySlice<UInt8>
    /// Where `{{` or `{%` starts: errors about the tag as a whole point here.
    let tagLocation: SourceLocation
    /// Where the first content byte is: the expression lexer locates its tokens from here.
    let contentLocation: SourceLocation
    /// Just past the content: "expected …" errors point here when the tag ends too early.
    let endLocation: SourceLocation
    /// The indentation before the tag when it stands alone on its line (and that line vanished);
    /// `""` otherwise. A standalone `{% include %}` indents what it includes by this much.
    var standaloneIndentation = ""
}
