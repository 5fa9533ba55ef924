/// Keeps every type reference meaning the type it was written for, wherever Swift resolves it.
///
/// References are spelled by qualified name (`Reasoning`, `Watermark.Watermark`), and Swift looks up
/// the first component from the innermost type outward. So inside `Watermark`, a nested type also
/// named `Watermark` captures the `Watermark` of `Watermark.Watermark`; inside `Response`, a nested
/// `Reasoning` captures a reference meant for the top-level `Reasoning`. Such a nested type is renamed
/// (`WatermarkValue`), every reference to it follows, and the search repeats until nothing is captured.
enum NameCaptureResolution {
    /// A nested type that would capture a reference: its qualified name and the scope it is declared in.
    private struct Capture {
        var capturingType: String
        var siblings: Set<String>
        var enclosingNames: Set<String>
    }

    static func resolving(types: [IRType], operations: [IROperation]) -> (types: [IRType], operations: [IROperation]) {
        var types = types
        var operations = operations
        let topLevelNames = Set(types.map(\.name))
        // Each rename removes one capturing name from the module, so this ends; the bound is a guard.
        for _ in 0..<10_000 {
            guard let capture = firstCapture(in: types) else { break }
            let renamed = renamedType(capture, avoiding: topLevelNames)
            types = types.map { rewritingReferences(in: $0, from: capture.capturingType, to: renamed) }
            operations = operations.map { rewritingReferences(in: $0, from: capture.capturingType, to: renamed) }
        }
        return (types, operations)
    }

    // MARK: Finding a capture

    private static func firstCapture(in types: [IRType]) -> Capture? {
        for type in types {
            if let capture = firstCapture(in: type, enclosing: []) { return capture }
        }
        return nil
    }

    /// `enclosing` runs from the top-level type down to `type`'s parent.
    private static func firstCapture(in type: IRType, enclosing: [IRType]) -> Capture? {
        let scopes = enclosing + [type]
        for reference in directReferences(of: type.kind) {
            let first = String(reference.split(separator: ".").first ?? Substring(reference))
            if let capture = capturingDeclaration(of: first, in: scopes) { return capture }
        }
        for nested in type.nestedTypes {
            if let capture = firstCapture(in: nested, enclosing: scopes) { return capture }
        }
        return nil
    }

    /// The nested type that `name` resolves to from inside the innermost of `scopes`, if any:
    /// Swift searches each enclosing type's nested types before the module's top level.
    private static func capturingDeclaration(of name: String, in scopes: [IRType]) -> Capture? {
        for scope in scopes.reversed() {
            if let found = scope.nestedTypes.first(where: { $0.name == name }) {
                return Capture(
                    capturingType: found.qualifiedName,
                    siblings: Set(scope.nestedTypes.map(\.name)),
                    enclosingNames: Set(scopes.map(\.name))
                )
            }
        }
        return nil
    }

    private static func directReferences(of kind: IRType.Kind) -> [String] {
        switch kind {
        case .object(let object):
            return object.properties.flatMap { namedTypes(in: $0.type) } + (object.additionalProperties.map(namedTypes) ?? [])
        case .union(let union):
            return union.cases.flatMap { namedTypes(in: $0.type) }
        case .alias(let target):
            return namedTypes(in: target)
        case .enumeration:
            return []
        }
    }

    private static func namedTypes(in reference: IRTypeReference) -> [String] {
        switch reference {
        case .named(let name): return [name]
        case .builtin: return []
        case .array(let element), .dictionary(let element): return namedTypes(in: element)
        }
    }

    // MARK: Renaming

    /// The capturing type's new qualified name: its name with `Value` (then a number) appended,
    /// free among its siblings, its enclosing types and the module's top-level types.
    private static func renamedType(_ capture: Capture, avoiding topLevelNames: Set<String>) -> String {
        let parts = capture.capturingType.split(separator: ".").map(String.init)
        let name = parts.last ?? capture.capturingType
        let taken = capture.siblings.union(capture.enclosingNames).union(topLevelNames)
        var candidate = name + "Value"
        var counter = 2
        while taken.contains(candidate) {
            candidate = name + "Value\(counter)"
            counter += 1
        }
        return (parts.dropLast() + [candidate]).joined(separator: ".")
    }

    private static func renamed(_ qualifiedName: String, from old: String, to new: String) -> String {
        if qualifiedName == old { return new }
        if qualifiedName.hasPrefix(old + ".") { return new + qualifiedName.dropFirst(old.count) }
        return qualifiedName
    }

    private static func rewriting(_ reference: IRTypeReference, from old: String, to new: String) -> IRTypeReference {
        switch reference {
        case .named(let name): return .named(renamed(name, from: old, to: new))
        case .builtin: return reference
        case .array(let element): return .array(rewriting(element, from: old, to: new))
        case .dictionary(let value): return .dictionary(rewriting(value, from: old, to: new))
        }
    }

    private static func rewritingReferences(in type: IRType, from old: String, to new: String) -> IRType {
        var type = type
        let qualifiedName = renamed(type.qualifiedName, from: old, to: new)
        if qualifiedName != type.qualifiedName {
            type.qualifiedName = qualifiedName
            type.name = String(qualifiedName.split(separator: ".").last ?? Substring(qualifiedName))
        }
        switch type.kind {
        case .object(var object):
            for index in object.properties.indices {
                object.properties[index].type = rewriting(object.properties[index].type, from: old, to: new)
            }
            object.additionalProperties = object.additionalProperties.map { rewriting($0, from: old, to: new) }
            type.kind = .object(object)
        case .union(var union):
            for index in union.cases.indices {
                union.cases[index].type = rewriting(union.cases[index].type, from: old, to: new)
            }
            type.kind = .union(union)
        case .alias(let target):
            type.kind = .alias(rewriting(target, from: old, to: new))
        case .enumeration:
            break
        }
        type.nestedTypes = type.nestedTypes.map { rewritingReferences(in: $0, from: old, to: new) }
        return type
    }

    private static func rewritingReferences(in operation: IROperation, from old: String, to new: String) -> IROperation {
        var operation = operation
        for index in operation.parameters.indices {
            operation.parameters[index].type = rewriting(operation.parameters[index].type, from: old, to: new)
        }
        if var body = operation.requestBody {
            for index in body.contents.indices {
                body.contents[index].type = rewriting(body.contents[index].type, from: old, to: new)
            }
            operation.requestBody = body
        }
        for index in operation.responses.indices {
            operation.responses[index].bodyType = operation.responses[index].bodyType.map { rewriting($0, from: old, to: new) }
            for header in operation.responses[index].headers.indices {
                operation.responses[index].headers[header].type =
                    rewriting(operation.responses[index].headers[header].type, from: old, to: new)
            }
        }
        return operation
    }
}
