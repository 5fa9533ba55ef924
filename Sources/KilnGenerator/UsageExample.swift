import KilnIR

/// The short call shown in an operation's doc comment: its convenience method with the required
/// parameters and the body, filled with placeholder values that compile.
///
/// Placeholders respect the description where it is cheap to (an integer's minimum, an array's
/// minimum item count). When a value cannot be written (a type the user overrides, a required
/// chain deeper than `maximumDepth`), the operation gets no example rather than a wrong one.
struct UsageExample {
    let typesByName: [String: IRType]
    /// How a type is written in user code (qualified where nested).
    let spell: (IRTypeReference) -> String

    private static let maximumDepth = 4

    /// `let identity = try await client.getIdentity(id: "<id>")`, possibly over several lines;
    /// `nil` when an argument has no placeholder.
    func call(method: String, arguments: [(label: String, value: String?)], returnType: String?) -> String? {
        var written: [String] = []
        for argument in arguments {
            guard let value = argument.value else { return nil }
            written.append("\(argument.label): \(value)")
        }
        let binding = returnType.map { "let \(Self.variableName(forType: $0)) = " } ?? ""
        let head = "\(binding)try await client.\(method)("
        let oneLine = head + written.joined(separator: ", ") + ")"
        if oneLine.count <= 100 { return oneLine }
        return head + "\n" + written.map { "    " + $0 }.joined(separator: ",\n") + "\n)"
    }

    /// A placeholder for a parameter: its name in angle brackets for text, the minimum for numbers.
    func value(for parameter: IRParameter) -> String? {
        value(of: parameter.type, constraints: parameter.constraints, placeholder: parameter.name, depth: 0)
    }

    /// A placeholder for a body (or any value) of `type`.
    func value(of type: IRTypeReference, placeholder: String) -> String? {
        value(of: type, constraints: IRConstraints(), placeholder: placeholder, depth: 0)
    }

    // MARK: Values

    private func value(of type: IRTypeReference, constraints: IRConstraints, placeholder: String, depth: Int) -> String? {
        guard depth <= Self.maximumDepth else { return nil }
        switch type {
        case .builtin(let builtin):
            return Self.builtinValue(builtin, constraints: constraints, placeholder: placeholder)
        case .array(let element):
            guard let minItems = constraints.minItems, minItems > 0 else { return "[]" }
            return value(of: element, constraints: IRConstraints(), placeholder: placeholder, depth: depth + 1).map { "[\($0)]" }
        case .dictionary:
            return "[:]"
        case .named(let name):
            guard let named = typesByName[name] else { return nil }
            return namedValue(named, constraints: constraints, placeholder: placeholder, depth: depth)
        }
    }

    private func namedValue(_ type: IRType, constraints: IRConstraints, placeholder: String, depth: Int) -> String? {
        switch type.kind {
        case .alias(let target):
            return value(of: target, constraints: constraints, placeholder: placeholder, depth: depth + 1)
        case .enumeration(let enumeration):
            return enumeration.cases.first.map { "." + SwiftNaming.memberReference($0.swiftName) }
        case .union(let union):
            guard let first = union.cases.first,
                  let payload = value(of: first.type, constraints: IRConstraints(), placeholder: first.swiftName, depth: depth + 1)
            else { return nil }
            if union.composition == .anyOf {
                return "\(spell(.named(type.qualifiedName)))(\(SwiftNaming.escaped(first.swiftName)): \(payload))"
            }
            return ".\(SwiftNaming.memberReference(first.swiftName))(\(payload))"
        case .object(let object):
            var arguments: [String] = []
            for property in object.properties where !property.isOptional {
                guard let argument = value(
                    of: property.type, constraints: property.constraints, placeholder: property.jsonName, depth: depth + 1
                ) else { return nil }
                arguments.append("\(SwiftNaming.escaped(property.swiftName)): \(argument)")
            }
            return spell(.named(type.qualifiedName)) + "(" + arguments.joined(separator: ", ") + ")"
        }
    }

    private static func builtinValue(_ builtin: IRBuiltinType, constraints: IRConstraints, placeholder: String) -> String {
        switch builtin {
        case .string: return SwiftSyntaxFilters.swiftStringLiteral("<\(placeholder)>")
        case .int, .int32, .int64: return integerLiteral(constraints)
        case .double, .float: return integerLiteral(constraints) + ".0"
        case .bool: return "true"
        case .date: return "Date()"
        case .uuid: return "UUID()"
        case .data: return "Data()"
        case .json: return "[:]"
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

    /// `Identity` → `identity`, `[Identity]` → `identities`, `UiNode.Group?` → `group`.
    static func variableName(forType type: String) -> String {
        var text = Substring(type)
        while text.hasSuffix("?") { text = text.dropLast() }
        let isArray = text.hasPrefix("[") && !text.contains(":")
        text = Substring(text.filter { $0 != "[" && $0 != "]" })
        if text.contains(":") { return "value" }
        let last = text.split(separator: ".").last.map(String.init) ?? "value"
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
