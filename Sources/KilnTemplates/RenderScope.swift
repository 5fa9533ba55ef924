/// Names bound by one level of the template: the top level, a `for` body, or an include.
///
/// A scope is a pair of small parallel arrays rather than a dictionary: it holds a handful of
/// names, and a loop rebinds its variables on every iteration, which here is an in-place store.
struct RenderScope {
    /// The position of the loop this scope is the body of, for `forloop`.
    struct LoopPosition {
        var index: Int
        let length: Int
    }

    private(set) var names: [String]
    private(set) var values: [TemplateValue]
    private(set) var loop: LoopPosition?
    /// How many leading names are the loop's own variables; the rest came from `set`.
    private let loopVariableCount: Int

    init() {
        names = []
        values = []
        loop = nil
        loopVariableCount = 0
    }

    /// A macro body's scope: its parameters bound to the call's arguments, in order. Lookups take
    /// the last of a repeated name, as binding one by one did.
    init(parameters: [String], values: [TemplateValue]) {
        names = parameters
        self.values = values
        loop = nil
        loopVariableCount = 0
    }

    /// A loop body's scope binding `names` (the loop variables), before the first iteration.
    init(loopVariables names: [String], length: Int) {
        self.names = names
        self.values = Array(repeating: .null, count: names.count)
        self.loop = LoopPosition(index: 0, length: length)
        self.loopVariableCount = names.count
    }

    func value(named name: String) -> TemplateValue? {
        guard let index = names.lastIndex(of: name) else { return nil }
        return values[index]
    }

    /// `{% set %}`: rebinding a name in the same scope replaces it.
    mutating func bind(_ name: String, to value: TemplateValue) {
        if let index = names.lastIndex(of: name) {
            values[index] = value
        } else {
            names.append(name)
            values.append(value)
        }
    }

    /// Moves a loop scope to iteration `index`, binding `first` (and `second`, for key-value
    /// loops) to the loop variables in order. `set`s of the previous iteration are dropped: each
    /// iteration is a fresh scope, so a value cannot leak from one item into the next.
    mutating func beginIteration(_ index: Int, binding first: TemplateValue, _ second: TemplateValue? = nil) {
        if names.count > loopVariableCount {
            names.removeSubrange(loopVariableCount...)
            values.removeSubrange(loopVariableCount...)
        }
        if !values.isEmpty { values[0] = first }
        if let second, values.count > 1 { values[1] = second }
        loop?.index = index
    }
}
