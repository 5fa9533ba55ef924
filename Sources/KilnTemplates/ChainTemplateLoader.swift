/// Asks several loaders in order; the first that has a name wins.
///
/// Put user overrides first and the built-in templates last: a user then replaces any single
/// template (or a partial it includes) by dropping a file with the same name in their folder.
public struct ChainTemplateLoader: TemplateLoader {
    public let loaders: [any TemplateLoader]

    public init(_ loaders: [any TemplateLoader]) {
        self.loaders = loaders
    }

    public func loadTemplate(named name: String) throws -> TemplateSource? {
        for loader in loaders {
            if let source = try loader.loadTemplate(named: name) { return source }
        }
        return nil
    }
}
