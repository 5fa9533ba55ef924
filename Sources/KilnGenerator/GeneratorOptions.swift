/// What a generation run produces and how.
public struct GeneratorOptions: Sendable {
    /// The Swift module the files compile into; also used to avoid type names that shadow it.
    public var moduleName: String
    /// `public`, `package` or `internal` for every generated declaration.
    public var accessModifier: String
    /// A folder whose `*.stencil` files replace the built-in templates of the same name.
    public var templatesDirectory: String?

    public init(moduleName: String, accessModifier: String = "public", templatesDirectory: String? = nil) {
        self.moduleName = moduleName
        self.accessModifier = accessModifier
        self.templatesDirectory = templatesDirectory
    }
}
