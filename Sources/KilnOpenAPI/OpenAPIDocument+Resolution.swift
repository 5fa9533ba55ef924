import KilnDiagnostics

/// Following `$ref`s to the objects they name.
///
/// `OpenAPIDecoder.decode` has already rejected dangling, external and cyclic references, so for a
/// decoded document these only throw for references built by hand; the checks stay so that a
/// malformed model gives a diagnostic instead of a crash or a hang.
extension OpenAPIDocument {
    public func resolve(_ schema: Referenceable<Schema>) throws(DiagnosticError) -> Schema {
        try resolve(schema, in: components.schemas, kind: .schemas)
    }

    public func resolve(_ parameter: Referenceable<Parameter>) throws(DiagnosticError) -> Parameter {
        try resolve(parameter, in: components.parameters, kind: .parameters)
    }

    public func resolve(_ requestBody: Referenceable<RequestBody>) throws(DiagnosticError) -> RequestBody {
        try resolve(requestBody, in: components.requestBodies, kind: .requestBodies)
    }

    public func resolve(_ response: Referenceable<Response>) throws(DiagnosticError) -> Response {
        try resolve(response, in: components.responses, kind: .responses)
    }

    public func resolve(_ header: Referenceable<Header>) throws(DiagnosticError) -> Header {
        try resolve(header, in: components.headers, kind: .headers)
    }

    public func resolve(_ securityScheme: Referenceable<SecurityScheme>) throws(DiagnosticError) -> SecurityScheme {
        try resolve(securityScheme, in: components.securitySchemes, kind: .securitySchemes)
    }

    /// The component name a local reference designates (`identity` for `#/components/schemas/identity`),
    /// or `nil` for anything else. Generators use it to name the type a `$ref` stands for.
    public func componentName(of reference: Reference) -> String? {
        guard let (kind, name) = reference.componentPath, ComponentKind(rawValue: kind) != nil else { return nil }
        return name
    }

    /// Follows a chain of references (`a → b → value`) to its value.
    private func resolve<Value>(
        _ referenceable: Referenceable<Value>, in map: OrderedMap<Referenceable<Value>>, kind: ComponentKind
    ) throws(DiagnosticError) -> Value {
        var current = referenceable
        var visited: Set<String> = []
        while true {
            switch current {
            case .value(let value):
                return value
            case .reference(let reference):
                guard visited.insert(reference.target).inserted else {
                    throw DiagnosticError(.error("reference cycle through '\(reference.target)'", at: reference.source.location))
                }
                current = try component(for: reference, in: map, kind: kind)
            }
        }
    }

    private func component<Value>(
        for reference: Reference, in map: OrderedMap<Referenceable<Value>>, kind: ComponentKind
    ) throws(DiagnosticError) -> Referenceable<Value> {
        let location = reference.source.location
        guard reference.target.hasPrefix("#") else {
            throw DiagnosticError(.error("external reference '\(reference.target)' was not merged into the document", at: location))
        }
        guard let (targetKind, name) = reference.componentPath, targetKind == kind.rawValue else {
            throw DiagnosticError(.error(
                "reference '\(reference.target)' does not name \(kind.objectDescription) in '\(kind.pointerPrefix)'", at: location
            ))
        }
        guard let target = map[name] else {
            throw DiagnosticError(.error("unresolvable reference '\(reference.target)'", at: location))
        }
        return target
    }
}
