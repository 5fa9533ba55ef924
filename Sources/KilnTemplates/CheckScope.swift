/// The checker's counterpart of `RenderScope`: the types of the names one level binds.
struct CheckScope: Hashable {
    private(set) var names: [String] = []
    private(set) var types: [TemplateValueType] = []
    /// Whether this is a `for` body, where `forloop` refers to.
    let isLoop: Bool

    init(isLoop: Bool = false) {
        self.isLoop = isLoop
    }

    func type(named name: String) -> TemplateValueType? {
        names.lastIndex(of: name).map { types[$0] }
    }

    /// As `RenderScope.bind`: rebinding a name in the same scope replaces it.
    mutating func bind(_ name: String, to type: TemplateValueType) {
        if let index = names.lastIndex(of: name) {
            types[index] = type
        } else {
            names.append(name)
            types.append(type)
        }
    }
}
