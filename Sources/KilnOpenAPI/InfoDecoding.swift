internal import KilnYAML

/// `info`, `servers` and `tags`: the document's descriptive parts.
extension DecodingContext {
    func decodeInfo(in document: ObjectFields) -> Info? {
        guard document.value("info") != nil else {
            error("missing 'info'", at: document.node)
            return nil
        }
        guard let info = document.object("info") else { return nil }
        // Both are required, but a missing one should not hide the rest of the document's problems.
        let title = info.requiredString("title", in: "info") ?? ""
        let version = info.requiredString("version", in: "info") ?? ""
        return Info(title: title, version: version, summary: info.string("summary"), description: info.string("description"))
    }

    func decodeServers(in object: ObjectFields) -> [Server] {
        (object.sequence("servers") ?? []).compactMap { item in
            guard let fields = fields(of: item.node, at: item.pointer, as: .item(of: "servers")) else { return nil }
            return decodeServer(fields)
        }
    }

    private func decodeServer(_ fields: ObjectFields) -> Server? {
        guard let url = fields.requiredString("url", in: "server") else { return nil }
        var server = Server(url: url, description: fields.string("description"), source: fields.source)
        if let variables = fields.object("variables") {
            forEachEntry(of: variables.mapping, at: variables.pointer, skipExtensions: true) { name, _, value, pointer in
                guard let variable = self.fields(of: value, at: pointer, as: .key(name)) else { return }
                guard let defaultValue = variable.requiredString("default", in: "server variable '\(name)'") else { return }
                server.variables[name] = Server.Variable(
                    defaultValue: defaultValue, enumValues: variable.strings("enum") ?? [],
                    description: variable.string("description")
                )
            }
        }
        return server
    }

    func decodeTags(in document: ObjectFields) -> [Tag] {
        (document.sequence("tags") ?? []).compactMap { item in
            guard let fields = fields(of: item.node, at: item.pointer, as: .item(of: "tags")),
                  let name = fields.requiredString("name", in: "tag") else { return nil }
            return Tag(name: name, description: fields.string("description"))
        }
    }
}
