import KilnIR
import KilnTemplates

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

    /// The checks of an operation's parameters and body, each a statement using `validator`.
    func operationChecks(_ operation: IROperation) -> [String] {
        var lines: [String] = []
        for parameter in operation.parameters {
            let path = SwiftSyntaxFilters.swiftStringLiteral(parameter.name)
            lines += checks(parameter.valueName, parameter.type, parameter.constraints, path: path)
        }
        if let body = operation.requestBody, let statement = bodyChecks(body) {
            lines.append(statement)
        }
        return lines
    }

    /// One content type: its checks on `body`; several: a `switch` over `Operations.X.Body`.
    private func bodyChecks(_ body: IRRequestBody) -> String? {
        let path = SwiftSyntaxFilters.swiftStringLiteral("body")
        guard body.contents.count > 1 else {
            guard let content = body.preferredContent else { return nil }
            let lines = checks("body", content.type, IRConstraints(), path: path)
            return lines.isEmpty ? nil : lines.joined(separator: "\n")
        }
        var cases: [String] = []
        for content in body.contents {
            let lines = checks("content", content.type, IRConstraints(), path: path)
            guard !lines.isEmpty else { continue }
            cases.append("case .\(SwiftNaming.memberReference(content.caseName))(let content):")
            cases += lines.map { "    " + $0 }
        }
        guard !cases.isEmpty else { return nil }
        if cases.count / 2 < body.contents.count { cases += ["default:", "    break"] }
        let switchStatement = ["switch body {"] + cases + ["}"]
        let wrapped = body.required ? switchStatement : ["if let body {"] + switchStatement.map { "    " + $0 } + ["}"]
        return wrapped.joined(separator: "\n")
    }

    // MARK: Body types

    /// The contexts of `RequestValidation.swift.stencil`: one conformance per validatable type, by name.
    func conformances() -> [TemplateValue] {
        validatableTypes.sorted().compactMap { name in
            guard let type = typesByName[name] else { return nil }
            return [
                "typeName": .string(name),
                "body": .string(memberChecks(of: type).joined(separator: "\n")),
                "readsDeprecatedProperties": .bool(readsDeprecatedProperties(type)),
            ]
        }
    }

    /// Whether `validate(with:at:)` checks a property declared deprecated. Swift cannot silence the
    /// warning such a read gives, except inside a deprecated declaration; the validator calls the
    /// method through `RequestValidatable`, where its deprecation does not warn.
    private func readsDeprecatedProperties(_ type: IRType) -> Bool {
        guard case .object(let object) = type.kind else { return false }
        return object.properties.contains { property in
            !property.readOnly && TypeContextBuilder.marksDeprecated(property, in: object)
                && !checks("value", property.type, property.constraints, path: "path").isEmpty
        }
    }

    /// The statements of a type's `validate(with:at:)`, where `path` names the value itself.
    private func memberChecks(of type: IRType) -> [String] {
        switch type.kind {
        case .object(let object):
            return object.properties.filter { !$0.readOnly }.flatMap { property in
                let path = "path + " + SwiftSyntaxFilters.swiftStringLiteral("." + property.jsonName)
                // `self.` because the parameters `validator` and `path` may share a property's name.
                return checks("self." + SwiftNaming.escaped(property.swiftName), property.type, property.constraints, path: path)
            }
        case .union(let union) where union.composition == .anyOf:
            return union.cases.flatMap { checks("self." + SwiftNaming.escaped($0.swiftName), $0.type, IRConstraints(), path: "path") }
        case .union(let union):
            return unionSwitch(union)
        case .enumeration, .alias:
            return []
        }
    }

    private func unionSwitch(_ union: IRUnion) -> [String] {
        var cases: [String] = []
        var checkedCases = 0
        for unionCase in union.cases {
            let lines = checks("value", unionCase.type, IRConstraints(), path: "path")
            guard !lines.isEmpty else { continue }
            checkedCases += 1
            cases.append("case .\(SwiftNaming.memberReference(unionCase.swiftName))(let value):")
            cases += lines.map { "    " + $0 }
        }
        guard !cases.isEmpty else { return [] }
        // Other cases, and the unknown-discriminator case, have nothing to check.
        let exhaustive = checkedCases == union.cases.count && union.discriminatorProperty == nil
        if !exhaustive { cases += ["default:", "    break"] }
        return [(["switch self {"] + cases + ["}"]).joined(separator: "\n")]
    }

    // MARK: Checks of one value

    /// The statements checking `value` (a Swift expression, possibly optional) of `type`.
    private func checks(_ value: String, _ type: IRTypeReference, _ constraints: IRConstraints, path: String) -> [String] {
        switch resolved(type) {
        case .builtin(let builtin):
            return builtinChecks(value, builtin, constraints, path: path)
        case .array(let element):
            var lines: [String] = []
            var arguments: [String] = []
            if let minItems = constraints.minItems { arguments.append("minItems: \(minItems)") }
            if let maxItems = constraints.maxItems { arguments.append("maxItems: \(maxItems)") }
            if constraints.uniqueItems { arguments.append("unique: true") }
            if !arguments.isEmpty { lines.append(call("checkItems", value, path, arguments)) }
            if let elementCheck = namedCheck(resolved(element)) { lines.append(call(elementCheck, value, path, [])) }
            return lines
        case .dictionary(let valueType):
            guard case .named(let name) = resolved(valueType), validatableTypes.contains(name) else { return [] }
            return [call("checkNested", value, path, [])]
        case .named:
            return namedCheck(resolved(type)).map { [call($0, value, path, [])] } ?? []
        }
    }

    private func builtinChecks(_ value: String, _ builtin: IRBuiltinType, _ constraints: IRConstraints, path: String) -> [String] {
        var arguments: [String] = []
        switch builtin {
        case .int, .int32, .int64, .double, .float:
            if let minimum = constraints.minimum {
                arguments.append("minimum: \(Self.literal(minimum))")
                if constraints.exclusiveMinimum { arguments.append("exclusiveMinimum: true") }
            }
            if let maximum = constraints.maximum {
                arguments.append("maximum: \(Self.literal(maximum))")
                if constraints.exclusiveMaximum { arguments.append("exclusiveMaximum: true") }
            }
            return arguments.isEmpty ? [] : [call("checkRange", value, path, arguments)]
        case .string:
            if let minLength = constraints.minLength { arguments.append("minLength: \(minLength)") }
            if let maxLength = constraints.maxLength { arguments.append("maxLength: \(maxLength)") }
            if let pattern = constraints.pattern { arguments.append("pattern: " + SwiftSyntaxFilters.swiftStringLiteral(pattern)) }
            return arguments.isEmpty ? [] : [call("checkText", value, path, arguments)]
        case .bool, .date, .uuid, .data, .json:
            return []
        }
    }

    /// `checkKnown` for enums, `checkNested` for validatable types, nothing for the rest.
    private func namedCheck(_ type: IRTypeReference) -> String? {
        guard case .named(let name) = type, let named = typesByName[name] else { return nil }
        if case .enumeration = named.kind { return "checkKnown" }
        return validatableTypes.contains(name) ? "checkNested" : nil
    }

    private func call(_ method: String, _ value: String, _ path: String, _ arguments: [String]) -> String {
        "try validator.\(method)(" + ([value, path] + arguments).joined(separator: ", ") + ")"
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
