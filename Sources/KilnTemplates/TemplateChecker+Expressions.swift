import KilnDiagnostics

/// Expression typing: variables through the scopes, members through the types, filters.
extension TemplateChecker {
    /// The expression's static type, reporting unknown names and members on the way. After an
    /// error the rest is typed `.any`, so one mistake is reported once.
    mutating func type(of expression: TemplateExpression) -> TemplateValueType {
        switch expression {
        case .literal(let value, _):
            return Self.type(ofLiteral: value)
        case .variable(let path):
            return type(of: path)
        case .filter(let base, let filter):
            let input = type(of: base)
            let arguments = filter.arguments.map { type(of: $0) }
            return environment.filterResultType(filter.name, input: input, arguments: arguments)
        case .not(let operand, _):
            _ = type(of: operand)
            return .bool
        case .and(let left, let right), .or(let left, let right), .comparison(_, let left, let right, _):
            _ = type(of: left)
            _ = type(of: right)
            return .bool
        }
    }

    private static func type(ofLiteral value: TemplateValue) -> TemplateValueType {
        switch value {
        case .bool: return .bool
        case .int: return .int
        case .string: return .string
        case .null, .array, .dictionary, .object: return .any
        }
    }

    private mutating func type(of path: VariablePath) -> TemplateValueType {
        guard var resolved = lookUp(path.root) else {
            let suggestion = SpellingSuggestion.closest(to: path.root, among: visibleNames).map { " (did you mean '\($0)'?)" } ?? ""
            report("undefined variable '\(path.root)'\(suggestion)", at: path.location)
            return .any
        }
        for index in path.memberNames.indices {
            guard let next = member(index, of: path, in: resolved) else { return .any }
            resolved = next
        }
        switch resolved {
        case .value(let type): return type
        case .loop: return .any
        }
    }

    private mutating func member(_ index: Int, of path: VariablePath, in resolved: Resolved) -> Resolved? {
        let name = path.memberNames[index]
        let location = path.memberLocations[index]
        switch resolved {
        case .loop(let scopeIndex):
            return loopMember(name, scopeIndex: scopeIndex, at: location)
        case .value(let base):
            return member(name, of: base, named: path.text(throughMembers: index), at: location).map(Resolved.value)
        }
    }

    private mutating func loopMember(_ name: String, scopeIndex: Int, at location: SourceLocation) -> Resolved? {
        switch name {
        case "counter", "counter0", "length": return .value(.int)
        case "first", "last": return .value(.bool)
        case "parentloop":
            if let parent = parentLoop(below: scopeIndex) { return .loop(scopeIndex: parent) }
            report("'forloop' has no member 'parentloop' (the loop is not nested in another loop)", at: location)
        default:
            let fields = ["counter", "counter0", "first", "last", "length", "parentloop"]
            report("'forloop' has no member '\(name)'\(Self.didYouMean(name, among: fields))", at: location)
        }
        return nil
    }

    private mutating func member(_ name: String, of base: TemplateValueType, named baseText: String, at location: SourceLocation) -> TemplateValueType? {
        switch base.unwrapped {
        case .any:
            return .any
        case .dictionary(let value):
            return value
        case .viewModel(let model):
            let members = memberTypes(of: model)
            if let type = members[name] { return type }
            report("'\(model.templateTypeName)' has no member '\(name)'\(Self.didYouMean(name, among: members.keys))", at: location)
        case .array(let element):
            switch name {
            case "count": return .int
            case "first", "last": return .optional(element)
            default:
                if Int(name) != nil { return element }
                report("'\(baseText)' is an array ('\(base)') and has no member '\(name)'", at: location)
            }
        case .string:
            if name == "count" { return .int }
            report("'\(baseText)' is a string and has no member '\(name)'", at: location)
        case .bool, .int, .optional:
            report("'\(baseText)' is '\(base)' and has no member '\(name)'", at: location)
        }
        return nil
    }

    private static func didYouMean(_ name: String, among candidates: some Sequence<String>) -> String {
        SpellingSuggestion.closest(to: name, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }
}
