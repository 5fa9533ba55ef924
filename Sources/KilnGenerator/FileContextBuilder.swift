import KilnIR

/// The `FileContext` of a generation run: the same for every file but for the header's needs.
enum FileContextBuilder {
    static func make(options: GeneratorOptions, specFileName: String, module: IRModule) -> FileContext {
        FileContext(
            access: options.accessModifier,
            moduleName: options.moduleName,
            specFileName: specFileName,
            additionalImports: options.additionalImports,
            includesHeader: options.layout == .tree,
            module: ModuleView(
                title: module.title,
                version: module.version,
                doc: module.description.map { $0.trailingNewlinesTrimmed },
                servers: module.servers.map { ServerSummaryView(name: $0.swiftName, url: $0.url, doc: $0.description) }
            )
        )
    }
}
