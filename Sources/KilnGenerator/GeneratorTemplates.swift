import KilnTemplates

/// The template environment the generator renders with: a user's templates folder (when given)
/// in front of the built-in templates embedded in the binary, and the Swift filters.
enum GeneratorTemplates {
    static func environment(templatesDirectory: String?) -> TemplateEnvironment {
        TemplateEnvironment(loader: loader(templatesDirectory: templatesDirectory), filters: SwiftSyntaxFilters.all)
    }

    private static func loader(templatesDirectory: String?) -> any TemplateLoader {
        let builtIn = DictionaryTemplateLoader(EmbeddedTemplates.all, displayPrefix: "Templates/")
        guard let templatesDirectory else { return builtIn }
        return ChainTemplateLoader([DirectoryTemplateLoader(directory: templatesDirectory), builtIn])
    }
}
