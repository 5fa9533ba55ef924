import KilnDiagnostics

/// Expression evaluation: variable lookup through the scopes, filters, conditions.
extension TemplateRenderer {
    func evaluate(_ expression: TemplateExpression) throws(DiagnosticError) -> TemplateValue {
        switch expression {
        case .literal(let value, _):
            return value
        case .variable(let path):
            return try resolve(path)
        case .filter(let base, let filter):
            return try apply(filter, to: try evaluate(base))
        case .not(let operand, _):
            return .bool(!(try evaluate(operand).isTruthy))
        case .and(let left, let right):
            // Short-circuits, so `a and a.b` is safe when `a` is null.
            guard try evaluate(left).isTruthy else { return .bool(false) }
            return .bool(try evaluate(right).isTruthy)
        case .or(let left, let right):
            if try evaluate(left).isTruthy { return .bool(true) }
            return .bool(try evaluate(right).isTruthy)
        case .comparison(let comparison, let left, let right, let location):
            let lhs = try evaluate(left)
            let rhs = try evaluate(right)
            return .bool(try compare(lhs, comparison, rhs, at: location))
        }
    }

    // MARK: - Variables

    /// What a path resolves to so far. `forloop` stays symbolic so `forloop.counter` reads the
    /// loop position directly instead of building a dictionary on every iteration.
    private enum Resolved {
        case value(TemplateValue)
        case loop(scopeIndex: Int)
    }

    private static let loopFields = ["counter", "counter0", "first", "last", "length"]

    private func resolve(_ path: VariablePath) throws(DiagnosticError) -> TemplateValue {
        var resolved = try lookUp(path.root, at: path.location)
        for index in path.memberNames.indices {
            resolved = try member(index, of: path, in: resolved)
        }
        return materialize(resolved)
    }

    /// Innermost scope first, then the context. `forloop` is the innermost loop's.
    private func lookUp(_ name: String, at location: SourceLocation) throws(DiagnosticError) -> Resolved {
        for index in (scopeFloor..<scopes.count).reversed() {
            if let value = scopes[index].value(named: name) { return .value(value) }
            if name == "forloop" && scopes[index].loop != nil { return .loop(scopeIndex: index) }
        }
        if let value = globals[name] { return .value(value) }
        throw .template("undefined variable '\(name)'", at: location)
    }

    /// Member `index` of `path`, looked up on what the path resolved to before it.
    private func member(_ index: Int, of path: VariablePath, in resolved: Resolved) throws(DiagnosticError) -> Resolved {
        let name = path.memberNames[index]
        switch resolved {
        case .loop(let scopeIndex):
            if let field = loopField(name, scopeIndex: scopeIndex) { return field }
            let reason = name == "parentloop" ? " (the loop is not nested in another loop)" : ""
            throw .template(
                "'\(path.text(throughMembers: index))' has no member '\(name)'\(reason)", at: path.memberLocations[index]
            )
        case .value(.object(let object)):
            if let field = object.value(named: name, hash: path.memberHashes[index]) { return .value(field) }
            throw .template("'\(path.text(throughMembers: index))' has no member '\(name)'", at: path.memberLocations[index])
        case .value(let value):
            if let field = value[member: name] { return .value(field) }
            throw .template(
                missingMemberMessage(name, of: value, named: path.text(throughMembers: index)), at: path.memberLocations[index]
            )
        }
    }

    private func missingMemberMessage(_ name: String, of value: TemplateValue, named base: String) -> String {
        switch value {
        case .dictionary, .object:
            return "'\(base)' has no member '\(name)'"
        case .array(let items) where Int(name) != nil:
            return "index \(name) is out of range for '\(base)' (count \(items.count))"
        default:
            return "'\(base)' is \(value.kindWithArticle) and has no member '\(name)'"
        }
    }

    private func loopField(_ name: String, scopeIndex: Int) -> Resolved? {
        guard let loop = scopes[scopeIndex].loop else { return nil }
        switch name {
        case "counter": return .value(.int(loop.index + 1))
        case "counter0": return .value(.int(loop.index))
        case "first": return .value(.bool(loop.index == 0))
        case "last": return .value(.bool(loop.index == loop.length - 1))
        case "length": return .value(.int(loop.length))
        case "parentloop": return parentLoop(below: scopeIndex).map { .loop(scopeIndex: $0) }
        default: return nil
        }
    }

    private func parentLoop(below scopeIndex: Int) -> Int? {
        scopes[scopeFloor..<scopeIndex].lastIndex { $0.loop != nil }
    }

    /// `forloop` used as a whole value (`{% set outer = forloop %}`) becomes a dictionary snapshot.
    private func materialize(_ resolved: Resolved) -> TemplateValue {
        let scopeIndex: Int
        switch resolved {
        case .value(let value): return value
        case .loop(let index): scopeIndex = index
        }
        var fields: [String: TemplateValue] = [:]
        for name in Self.loopFields {
            if let field = loopField(name, scopeIndex: scopeIndex) { fields[name] = materialize(field) }
        }
        if let parent = parentLoop(below: scopeIndex) {
            fields["parentloop"] = materialize(.loop(scopeIndex: parent))
        }
        return .dictionary(fields)
    }

    // MARK: - Filters

    private func apply(_ filter: AppliedFilter, to value: TemplateValue) throws(DiagnosticError) -> TemplateValue {
        var arguments: [TemplateValue] = []
        arguments.reserveCapacity(filter.arguments.count)
        for argument in filter.arguments {
            arguments.append(try evaluate(argument))
        }
        do {
            return try filter.function(value, arguments)
        } catch let error as TemplateFilterError {
            throw .template("filter '\(filter.name)': \(error.message)", at: filter.location)
        } catch let error as DiagnosticError {
            // A custom filter that renders a template itself already located its error.
            throw error
        } catch {
            throw .template("filter '\(filter.name)' failed: \(error)", at: filter.location)
        }
    }

    // MARK: - Comparisons

    private func compare(_ lhs: TemplateValue, _ comparison: ComparisonOperator, _ rhs: TemplateValue, at location: SourceLocation) throws(DiagnosticError) -> Bool {
        // Built only on failure: comparisons run in the hot path.
        func mismatch() -> DiagnosticError {
            .template("cannot compare \(lhs.kindName) and \(rhs.kindName) with '\(comparison.rawValue)'", at: location)
        }
        switch comparison {
        case .equal, .notEqual:
            // null compares with anything, so optional fields can be tested (`p.format == "date"`);
            // any other mix of kinds (`count == "3"`) is a template bug worth stopping for.
            guard lhs == .null || rhs == .null || lhs.kindName == rhs.kindName else { throw mismatch() }
            return (lhs == rhs) == (comparison == .equal)
        case .less, .greater, .lessOrEqual, .greaterOrEqual:
            switch (lhs, rhs) {
            case (.int(let left), .int(let right)): return Self.order(left, comparison, right)
            case (.string(let left), .string(let right)): return Self.order(left, comparison, right)
            default: throw mismatch()
            }
        case .contains, .notContains:
            return try contains(rhs, lhs, comparison, at: location) == (comparison == .contains)
        }
    }

    private static func order<Value: Comparable>(_ lhs: Value, _ comparison: ComparisonOperator, _ rhs: Value) -> Bool {
        switch comparison {
        case .less: return lhs < rhs
        case .greater: return lhs > rhs
        case .lessOrEqual: return lhs <= rhs
        default: return lhs >= rhs
        }
    }

    /// `element in container`: array element, dictionary key, or substring.
    private func contains(_ container: TemplateValue, _ element: TemplateValue, _ comparison: ComparisonOperator, at location: SourceLocation) throws(DiagnosticError) -> Bool {
        let spelled = comparison.rawValue
        switch (container, element) {
        case (.array(let items), _):
            return items.contains(element)
        case (.dictionary(let entries), .string(let key)):
            return entries[key] != nil
        case (.object(let object), .string(let key)):
            return object[key] != nil
        case (.string(let text), .string(let part)):
            return text.contains(part)
        case (.dictionary, _), (.object, _), (.string, _):
            throw .template("'\(spelled)' needs a string on the left of a \(container.kindName), got \(element.kindName)", at: location)
        default:
            throw .template("'\(spelled)' needs an array, dictionary or string on the right, got \(container.kindName)", at: location)
        }
    }
}
