import KilnIR

/// The short call shown in an operation's doc comment: its convenience method with the required
/// parameters and the body, filled with placeholder values that compile.
///
/// Placeholders respect the description where it is cheap to (an integer's minimum, an array's
/// minimum item count). When a value cannot be written (a type the user overrides, a required
/// chain deeper than `maximumDepth`), the operation gets no example rather than a wrong one.
struct UsageExample {
    let typesByName: [String: IRType]

    private static let maximumDepth = 4

    /// The call; `nil` when an argument has no placeholder.
    func call(method: String, arguments: [(label: String, value: ExampleValueView?)], returnType: IRTypeReference?) -> UsageExampleView? {
        var written: [ExampleArgumentView] = []
        for argument in arguments {
            guard let value = argument.value else { return nil }
            written.append(ExampleArgumentView(label: argument.label, value: value))
        }
        return UsageExampleView(binding: returnType.map(Self.variableName(for:)), method: method, arguments: written)
    }

    /// A placeholder for a parameter: its name in angle brackets for text, the minimum for numbers.
    func value(for parameter: IRParameter) -> ExampleValueView? {
        value(of: parameter.type, constraints: parameter.constraints, placeholder: parameter.name, depth: 0)
    }

    /// A placeholder for a body (or any value) of `type`.
    func value(of type: IRTypeReference, placeholder: String) -> ExampleValueView? {
        value(of: type, constraints: IRConstraints(), placeholder: placeholder, depth: 0)
    }

    // MARK: Values

    private func value(of type: IRTypeReference, constraints: IRConstraints, placeholder: String, depth: Int) -> ExampleValueView? {
        guard depth <= Self.maximumDepth else { return nil }
        switch type {
        case .builtin(let builtin):
            return Self.builtinValue(builtin, constraints: constraints, placeholder: placeholder)
        case .array(let element):
            guard let minItems = constraints.minItems, minItems > 0 else { return .array([]) }
            return value(of: element, constraints: IRConstraints(), placeholder: placeholder, depth: depth + 1).map { .array([$0]) }
        case .dictionary:
            return .emptyDictionary
        case .named(let name):
            guard let named = typesByName[name] else { return nil }
            return namedValue(named, constraints: constraints, placeholder: placeholder, depth: depth)
        }
    }

    private func namedValue(_ type: IRType, constraints: IRConstraints, placeholder: String, depth: Int) -> ExampleValueView? {
        switch type.kind {
        case .alias(let target):
            return value(of: target, constraints: constraints, placeholder: placeholder, depth: depth + 1)
        case .enumeration(let enumeration):
            return enumeration.cases.first.map { .member(SwiftNaming.memberReference($0.swiftName)) }
        case .union(let union):
            guard let first = union.cases.first,
                  let payload = value(of: first.type, constraints: IRConstraints(), placeholder: first.swiftName, depth: depth + 1)
            else { return nil }
            if union.composition == .anyOf {
                return .call(type.qualifiedName, [ExampleArgumentView(label: SwiftNaming.escaped(first.swiftName), value: payload)])
            }
            return .member(SwiftNaming.memberReference(first.swiftName), payload: payload)
        case .object(let object):
            var arguments: [ExampleArgumentView] = []
            for property in object.properties where !property.isOptional {
                guard let argument = value(
                    of: property.type, constraints: property.constraints, placeholder: property.jsonName, depth: depth + 1
                ) else { return nil }
                arguments.append(ExampleArgumentView(label: SwiftNaming.escaped(property.swiftName), value: argument))
            }
            return .call(type.qualifiedName, arguments)
        }
    }

    private static func builtinValue(_ builtin: IRBuiltinType, constraints: IRConstraints, placeholder: String) -> ExampleValueView {
        switch builtin {
        case .string: return .text("<\(placeholder)>")
        case .int, .int32, .int64: return .number(integerLiteral(constraints))
        case .double, .float: return .number(integerLiteral(constraints) + ".0")
        case .bool: return .boolean
        case .date, .uuid, .data: return .call(builtin.rawValue, [])
        case .json: return .emptyDictionary
        // `HTTPBody(Data())`: the simplest body; the type's own docs show files and sequences.
        case .body: return .call(builtin.rawValue, [ExampleArgumentView(label: "", value: .call(IRBuiltinType.data.rawValue, []))])
        }
    }

    /// The smallest whole number the bounds allow, 1 when there are none.
    private static func integerLiteral(_ constraints: IRConstraints) -> String {
        guard let minimum = constraints.minimum, minimum.magnitude < 1e15 else { return "1" }
        let whole = minimum.rounded(.up)
        let value = constraints.exclusiveMinimum && whole == minimum ? whole + 1 : whole
        return String(Int64(value))
    }

    // MARK: Naming the result

    /// `Identity` → `identity`, `[Identity]` → `identities`, `UiNode.Group` → `group`; `value` for
    /// dictionaries and names that would not do.
    static func variableName(for type: IRTypeReference) -> String {
        var innermost = type
        var isArray = false
        while case .array(let element) = innermost {
            innermost = element
            isArray = true
        }
        let typeName: String
        switch innermost {
        case .named(let name): typeName = name
        case .builtin(let builtin): typeName = builtin.rawValue
        case .array, .dictionary: return "value"
        }
        let last = DottedName.last(typeName)
        var name = SwiftNaming.memberName(last)
        if isArray { name = plural(name) }
        // `client` is the receiver of the call being shown.
        return SwiftNaming.escaped(name) == name && name != "client" ? name : "value"
    }

    private static func plural(_ word: String) -> String {
        if word.hasSuffix("s") || word.hasSuffix("x") || word.hasSuffix("ch") || word.hasSuffix("sh") { return word + "es" }
        if word.hasSuffix("y"), let beforeY = word.dropLast().last, !"aeiou".contains(beforeY) {
            return word.dropLast() + "ies"
        }
        return word + "s"
    }
}
