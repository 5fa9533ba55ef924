internal import KilnYAML

/// Request bodies, responses, headers and the media types (`content`) they carry.
extension DecodingContext {
    func decodeRequestBody(_ fields: ObjectFields) -> RequestBody? {
        if fields.mapping["content"] == nil {
            warning("request body has no 'content'", at: fields.node)
        }
        return RequestBody(
            description: fields.string("description"), required: fields.bool("required") ?? false,
            content: decodeContent(in: fields), source: fields.source
        )
    }

    /// An operation's `responses`, keyed by status as written.
    func decodeResponses(in operation: ObjectFields) -> OrderedMap<Referenceable<Response>> {
        guard let responses = operation.object("responses") else { return .init() }
        var result = OrderedMap<Referenceable<Response>>()
        // The key's scalar text is the status: YAML reads a plain `200` as an integer, but its text is still "200".
        forEachEntry(of: responses.mapping, at: responses.pointer, skipExtensions: true) { status, keyNode, value, pointer in
            if !Self.isValidStatus(status) {
                warning("unexpected response status '\(status)'; expected a code like 200, a range like 4XX, or 'default'", at: keyNode)
            }
            if let response = referenceable(value, at: pointer, as: .key(status), kind: .responses, decodeValue: decodeResponse) {
                result[status] = response
            }
        }
        return result
    }

    static func isValidStatus(_ status: String) -> Bool {
        if status == "default" { return true }
        let characters = Array(status.utf8)
        guard characters.count == 3, (UInt8(ascii: "1")...UInt8(ascii: "5")).contains(characters[0]) else { return false }
        let rest = characters.dropFirst()
        let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        return rest.allSatisfy(isDigit) || rest.allSatisfy { $0 == UInt8(ascii: "X") || $0 == UInt8(ascii: "x") }
    }

    func decodeResponse(_ fields: ObjectFields) -> Response? {
        var response = Response(
            description: fields.string("description") ?? "", content: decodeContent(in: fields), source: fields.source
        )
        response.headers = decodeHeaders(in: fields)
        return response
    }

    /// A `headers` map, of a response or of a multipart part's encoding.
    func decodeHeaders(in fields: ObjectFields) -> OrderedMap<Referenceable<Header>> {
        var result = OrderedMap<Referenceable<Header>>()
        guard let headers = fields.object("headers") else { return result }
        forEachEntry(of: headers.mapping, at: headers.pointer, skipExtensions: false) { name, _, value, pointer in
            if let header = referenceable(value, at: pointer, as: .key(name), kind: .headers, decodeValue: decodeHeader) {
                result[name] = header
            }
        }
        return result
    }

    func decodeHeader(_ fields: ObjectFields) -> Header? {
        var header = Header(
            description: fields.string("description"), required: fields.bool("required") ?? false,
            deprecated: fields.bool("deprecated") ?? false, source: fields.source
        )
        if let schema = fields.value("schema") {
            header.schema = decodeSchema(schema, at: fields.pointer("schema"))
        } else {
            // The model has no `content` for headers; its single media type's schema says the same thing.
            header.schema = decodeContent(in: fields).values.first?.schema
        }
        return header
    }

    /// A `content` map: media type name → media type object.
    func decodeContent(in fields: ObjectFields) -> OrderedMap<MediaType> {
        guard let content = fields.object("content") else { return .init() }
        var result = OrderedMap<MediaType>()
        forEachEntry(of: content.mapping, at: content.pointer, skipExtensions: false) { name, _, value, pointer in
            guard let media = self.fields(of: value, at: pointer, as: .key(name)) else { return }
            result[name] = decodeMediaType(media)
        }
        return result
    }

    private func decodeMediaType(_ fields: ObjectFields) -> MediaType {
        var media = MediaType(source: fields.source)
        media.schema = fields.value("schema").flatMap { decodeSchema($0, at: fields.pointer("schema")) }
        if let encodings = fields.object("encoding") {
            forEachEntry(of: encodings.mapping, at: encodings.pointer, skipExtensions: false) { property, _, value, pointer in
                guard let encoding = self.fields(of: value, at: pointer, as: .key(property)) else { return }
                media.encoding[property] = MediaType.Encoding(
                    contentType: encoding.string("contentType"), headers: self.decodeHeaders(in: encoding),
                    style: encoding.string("style"), explode: encoding.bool("explode")
                )
            }
        }
        return media
    }
}
