import KilnIR

/// Decides what the client checks before sending a request: the statements at the top of each
/// `xRaw` method, and the `RequestValidatable` conformances of the body types that need one.
///
/// A body type needs one when it is reachable from a request body and holds, at any depth, a value
/// with a constraint or an enum (whose unknown-value case the server would refuse).
struct RequestValidationBuilder {
    private let typesByName: [String: IRType]
    /// Qualified names of the object and union types that get a `validate(with:at:)`.
    private(set) var validatableTypes: Set<String> = []

    init(typesByName: [String: IRType], operations: [IROperation]) {
        self.typesByName = typesByName
        let candidates = reachableFromBodies(operations)
        // Grow the set until no type joins: a type qualifies once one of its members has checks.
        var changed = true
        while changed {
            changed = false
            for name in candidates where !validatableTypes.contains(name) {
                if let type = typesByName[name], !memberChecks(of: type).isEmpty {
                    validatableTypes.insert(name)
                    changed = true
                }
            }
        }
    }

    // MARK: Operations

    /// The checks of an operation's parameters and body.
    func operationChecks(_ operation: IROperation) -> [ValidationCheckView] {
        var found: [ValidationCheckView] = []
        for parameter in operation.parameters {
            found += checks(parameter.valueName, isProperty: false, parameter.type, parameter.constraints, at: .literal(parameter.name))
        }
        if let body = operation.requestBody {
            found += bodyChecks(body)
        }
        return found
    }

    /// One content type: its checks on `body`; several: a `switch` over `Operations.X.Body`.
    private func bodyChecks(_ body: IRRequestBody) -> [ValidationCheckView] {
        guard body.contents.count > 1 else {
            guard let content = body.preferredContent else { return [] }
            return checks("body", isProperty: false, content.type, IRConstraints(), at: .literal("body"))
        }
        let cases: [ValidationCaseView] = body.contents.compactMap { content in
            let found = checks("content", isProperty: false, content.type, IRConstraints(), at: .literal("body"))
            guard !found.isEmpty else { return nil }
            return ValidationCaseView(member: SwiftNaming.memberReference(content.caseName), binding: "content", checks: found)
        }
        guard !cases.isEmpty else { return [] }
        return [.switchOver("body", cases: cases, hasDefault: cases.count < body.contents.count, unwrapsOptional: !body.required)]
    }

    // MARK: Body types

    /// The models of `RequestBodyValidation.swift.stencil`: one conformance per validatable type, by name.
    func conformances() -> [ValidationConformanceView] {
        validatableTypes.sorted().compactMap { name in
            guard let type = typesByName[name] else { return nil }
            return ValidationConformanceView(
                typeName: name, checks: memberChecks(of: type), readsDeprecatedProperties: readsDeprecatedProperties(type)
            )
        }
    }

    /// Whether `validate(with:at:)` checks a property declared deprecated. Swift cannot silence the
    /// warning such a read gives, except inside a deprecated declaration; the validator calls the
    /// method through `RequestValidatable`, where its deprecation does not warn.
    private func readsDeprecatedProperties(_ type: IRType) -> Bool {
        guard case .object(let object) = type.kind else { return false }
        return object.properties.contains { property in
            !property.readOnly && TypeContextBuilder.marksDeprecated(property, in: object)
                && !checks("value", isProperty: false, property.type, property.constraints, at: .enclosing).isEmpty
        }
    }

    /// The checks of a type's `validate(with:at:)`, where the enclosing path names the value itself.
    private func memberChecks(of type: IRType) -> [ValidationCheckView] {
        switch type.kind {
        case .object(let object):
            return object.properties.filter { !$0.readOnly }.flatMap { property in
                checks(
                    SwiftNaming.escaped(property.swiftName), isProperty: true, property.type, property.constraints,
                    at: .member("." + property.jsonName)
                )
            }
        case .union(let union) where union.composition == .anyOf:
            return anyOfChecks(union)
        case .union(let union):
            return unionSwitch(union)
        case .enumeration, .alias:
            return []
        }
    }

    /// One alternative of an `anyOf` that is set and passes is enough: nothing is checked when no
    /// alternative has checks of its own.
    private func anyOfChecks(_ union: IRUnion) -> [ValidationCheckView] {
        let alternatives = union.cases.map { unionCase in
            ValidationCaseView(
                member: SwiftNaming.memberReference(unionCase.swiftName), binding: "value",
                checks: checks("value", isProperty: false, unionCase.type, IRConstraints(), at: .enclosing)
            )
        }
        guard alternatives.contains(where: { !$0.checks.isEmpty }) else { return [] }
        return [.anyOf(alternatives)]
    }

    private func unionSwitch(_ union: IRUnion) -> [ValidationCheckView] {
        let cases: [ValidationCaseView] = union.cases.compactMap { unionCase in
            let found = checks("value", isProperty: false, unionCase.type, IRConstraints(), at: .enclosing)
            guard !found.isEmpty else { return nil }
            return ValidationCaseView(member: SwiftNaming.memberReference(unionCase.swiftName), binding: "value", checks: found)
        }
        guard !cases.isEmpty else { return [] }
        // Other cases, and the unknown-discriminator case, have nothing to check.
        let exhaustive = cases.count == union.cases.count && union.discriminatorProperty == nil
        return [.switchOver("self", cases: cases, hasDefault: !exhaustive, unwrapsOptional: false)]
    }

    // MARK: Checks of one value

    /// The checks of `value` (possibly optional) of `type`.
    private func checks(
        _ value: String, isProperty: Bool, _ type: IRTypeReference, _ constraints: IRConstraints,
        at location: ValidationCheckView.Location
    ) -> [ValidationCheckView] {
        let call = { (method: String, arguments: [ValidationArgumentView]) in
            ValidationCheckView.call(method, value: value, isProperty: isProperty, at: location, arguments: arguments)
        }
        switch resolved(type) {
        case .builtin(let builtin):
            return builtinChecks(builtin, constraints).map { call($0.method, $0.arguments) }
        case .array(let element):
            var found: [ValidationCheckView] = []
            var arguments: [ValidationArgumentView] = []
            if let minItems = constraints.minItems { arguments.append(Self.number("minItems", minItems)) }
            if let maxItems = constraints.maxItems { arguments.append(Self.number("maxItems", maxItems)) }
            if constraints.uniqueItems { arguments.append(Self.flag("unique")) }
            if !arguments.isEmpty { found.append(call("checkItems", arguments)) }
            if let elementCheck = namedCheck(resolved(element)) { found.append(call(elementCheck, [])) }
            return found
        case .dictionary(let valueType):
            guard case .named(let name) = resolved(valueType), validatableTypes.contains(name) else { return [] }
            return [call("checkNested", [])]
        case .named:
            return namedCheck(resolved(type)).map { [call($0, [])] } ?? []
        }
    }

    /// The validator method and bounds for a builtin value, when its constraints have any.
    private func builtinChecks(_ builtin: IRBuiltinType, _ constraints: IRConstraints) -> [(method: String, arguments: [ValidationArgumentView])] {
        var arguments: [ValidationArgumentView] = []
        switch builtin {
        case .int, .int32, .int64, .double, .float:
            if let minimum = constraints.minimum {
                arguments.append(ValidationArgumentView(label: "minimum", value: Self.literal(minimum), isText: false))
                if constraints.exclusiveMinimum { arguments.append(Self.flag("exclusiveMinimum")) }
            }
            if let maximum = constraints.maximum {
                arguments.append(ValidationArgumentView(label: "maximum", value: Self.literal(maximum), isText: false))
                if constraints.exclusiveMaximum { arguments.append(Self.flag("exclusiveMaximum")) }
            }
            return arguments.isEmpty ? [] : [("checkRange", arguments)]
        case .string:
            if let minLength = constraints.minLength { arguments.append(Self.number("minLength", minLength)) }
            if let maxLength = constraints.maxLength { arguments.append(Self.number("maxLength", maxLength)) }
            if let pattern = constraints.pattern { arguments.append(ValidationArgumentView(label: "pattern", value: pattern, isText: true)) }
            return arguments.isEmpty ? [] : [("checkText", arguments)]
        case .bool, .date, .uuid, .data, .json, .body:
            return []
        }
    }

    /// `checkKnown` for enums, `checkNested` for validatable types, nothing for the rest.
    private func namedCheck(_ type: IRTypeReference) -> String? {
        guard case .named(let name) = type, let named = typesByName[name] else { return nil }
        if case .enumeration = named.kind { return "checkKnown" }
        return validatableTypes.contains(name) ? "checkNested" : nil
    }

    private static func number(_ label: String, _ value: Int) -> ValidationArgumentView {
        ValidationArgumentView(label: label, value: String(value), isText: false)
    }

    private static func flag(_ label: String) -> ValidationArgumentView {
        ValidationArgumentView(label: label, value: String(true), isText: false)
    }

    /// `1000` for whole numbers, so that the literal reads like the spec.
    private static func literal(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    // MARK: Types

    private func resolved(_ type: IRTypeReference) -> IRTypeReference {
        typesByName.resolvingAliases(type)
    }

    /// Object and union types a request body can contain.
    private func reachableFromBodies(_ operations: [IROperation]) -> [String] {
        var pending: [IRTypeReference] = operations.flatMap { $0.requestBody?.contents.map(\.type) ?? [] }
        var seen: Set<String> = []
        var found: [String] = []
        while let reference = pending.popLast() {
            switch reference {
            case .builtin: continue
            case .array(let element), .dictionary(let element): pending.append(element)
            case .named(let name):
                guard seen.insert(name).inserted, let type = typesByName[name] else { continue }
                switch type.kind {
                case .object(let object):
                    found.append(name)
                    pending += object.properties.filter { !$0.readOnly }.map(\.type)
                case .union(let union):
                    found.append(name)
                    pending += union.cases.map(\.type)
                case .alias(let target): pending.append(target)
                case .enumeration: continue
                }
            }
        }
        return found.sorted()
    }
}
