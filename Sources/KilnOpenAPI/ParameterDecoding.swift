internal import KilnYAML

/// Parameters of path items, operations and `components.parameters`.
extension DecodingContext {
    /// The `parameters` list of a path item or operation.
    func decodeParameterList(in fields: ObjectFields) -> [Referenceable<Parameter>] {
        (fields.sequence("parameters") ?? []).compactMap { item in
            referenceable(item.node, at: item.pointer, as: .item(of: "parameters"), kind: .parameters, decodeValue: decodeParameter)
        }
    }

    func decodeParameter(_ fields: ObjectFields) -> Parameter? {
        let name = fields.requiredString("name", in: "parameter")
        let location = decodeParameterLocation(fields)
        let required = fields.bool("required")
        guard let name, let location else { return nil }

        if location == .path && required != true {
            // OpenAPI requires it, and a generator cannot make a path segment optional.
            let anchor = fields.value("required") ?? fields.node
            error("path parameter '\(name)' must be required ('required: true')", at: anchor)
        }
        var parameter = Parameter(
            name: name, location: location, description: fields.string("description"), required: required ?? false,
            deprecated: fields.bool("deprecated") ?? false, style: fields.string("style"), explode: fields.bool("explode"),
            allowReserved: fields.bool("allowReserved") ?? false, source: fields.source
        )
        parameter.schema = fields.value("schema").flatMap { decodeSchema($0, at: fields.pointer("schema")) }
        parameter.content = decodeContent(in: fields)
        if parameter.schema == nil && parameter.content.isEmpty {
            warning("parameter '\(name)' has neither 'schema' nor 'content'", at: fields.node)
        }
        return parameter
    }

    private func decodeParameterLocation(_ fields: ObjectFields) -> Parameter.Location? {
        guard let text = fields.requiredString("in", in: "parameter") else { return nil }
        guard let location = Parameter.Location(rawValue: text) else {
            let anchor = fields.value("in") ?? fields.node
            // `body` and `formData` are Swagger 2.0; say where they went in OpenAPI 3.
            let hint = text == "body" || text == "formData" ? " (OpenAPI 3 uses 'requestBody' instead)" : ""
            error("'in' must be one of path, query, header or cookie, found '\(text)'\(hint)", at: anchor)
            return nil
        }
        return location
    }
}
