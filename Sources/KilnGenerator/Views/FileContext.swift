import KilnTemplates

/// What every generated file's template sees besides its own model: the access modifier, the
/// module and spec names for the header, and the module's title and servers. Root view models
/// embed one and list its members first with `FileContext.members(\.file)`, so a template reads
/// `{{ access }}` the same way whatever it renders.
struct FileContext: Sendable {
    var access: String
    var moduleName: String
    var specFileName: String
    var additionalImports: [String]
    /// What the file header imports besides Foundation and `additionalImports`.
    var headerNeeds = HeaderNeeds()
    /// Whether `FileHeader.stencil` writes the header: the sharded layout writes one per shard
    /// itself and renders the files it packs without theirs.
    var includesHeader: Bool = true
    var module: ModuleView

    static func members<Root>(_ read: @escaping @Sendable (Root) -> FileContext) -> TemplateMembers<Root> {
        [
            .init("access") { read($0).access },
            .init("moduleName") { read($0).moduleName },
            .init("specFileName") { read($0).specFileName },
            .init("additionalImports") { read($0).additionalImports },
            .init("needsNetworking") { read($0).headerNeeds.networking },
            .init("needsAsyncHTTPClient") { read($0).headerNeeds.asyncHTTPClient },
            .init("includesHeader") { read($0).includesHeader },
            .init("module") { read($0).module },
        ]
    }
}
