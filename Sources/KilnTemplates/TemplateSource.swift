/// The text of one template and the path diagnostics should name for it.
public struct TemplateSource: Sendable, Hashable {
    public var text: String
    /// What `file:line:column` diagnostics print, e.g. `Templates/Model.stencil`. It need not be
    /// a real path (embedded templates have none), only something the user recognises.
    public var displayPath: String

    public init(text: String, displayPath: String) {
        self.text = text
        self.displayPath = displayPath
    }
}
