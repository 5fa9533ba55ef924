import Foundation

/// Reads the operations from the text of the Dart `kratos_api_dart` API documentation (openapi-generator
/// `dart-dio`), the page of `V0alpha2Api`.
///
/// The page opens with an index, `adminGetIdentity | GET /identities/{id} | Get an Identity |`, then
/// has a section per operation, which starts with the signature (`Identity adminGetIdentity(id, includeCredential)`,
/// no return type for `void`) and has a parameter table:
///
///     Name | Type | Description | Notes |
///     ---|---|---|---|
///     id | String | ID must be set to the ID of identity you want to get | |
///     includeCredential | BuiltList<String> | DeclassifyCredentials will … |
///     [optional] |
///
/// A row may wrap onto following lines (`|`, `[optional] |`). A parameter is optional exactly when its
/// row's Notes say `[optional]`. The body is the parameter of a model type (`AdminCreateIdentityBody`)
/// in a section whose `- Content-Type:` is not `Not defined`.
enum DartSeedDocumentation {
    /// Dart and built_value types that are not request models.
    private static let nonModelTypes: Set<String> = [
        "String", "int", "bool", "num", "double", "BuiltList", "BuiltMap", "BuiltSet", "DateTime", "Date",
        "JsonObject", "MultipartFile", "Uint8List", "Object",
    ]

    static func operations(in text: String) throws -> [SeedOperation] {
        let seed = "Dart kratos_api_dart"
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)

        // The index: name, method and path of every operation on the page.
        var index: [(name: String, method: String, path: String)] = []
        for line in lines {
            if let match = line.wholeMatch(of: #/([a-z][A-Za-z0-9]*) \| ([A-Z]+) (/\S*) \| .*/#) {
                index.append((String(match.1), String(match.2), String(match.3)))
            }
        }
        let indexNames = Set(index.map(\.name))
        guard indexNames.count == index.count else {
            throw SeedDocumentationError(seed, "an operation is listed twice in the index")
        }

        // The sections, each starting at its signature.
        var starts: [(line: Int, name: String, arguments: [String])] = []
        for (number, line) in lines.enumerated() {
            guard let match = line.wholeMatch(of: #/(?:\S+ )?([a-z][A-Za-z0-9]*)\(([^()]*)\)/#),
                  indexNames.contains(String(match.1))
            else { continue }
            let arguments = match.2.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            starts.append((number, String(match.1), arguments))
        }
        guard starts.map(\.name) == index.map(\.name) else {
            throw SeedDocumentationError(
                seed, "the sections \(starts.map(\.name)) are not the index \(index.map(\.name)) in order"
            )
        }

        return try starts.enumerated().map { position, start in
            let end = position + 1 < starts.count ? starts[position + 1].line : lines.count
            let section = Array(lines[(start.line + 1)..<end])
            let rows = try parameterRows(in: section, arguments: start.arguments, operation: start.name, seed: seed)
            let contentType = section.first { $0.hasPrefix("- Content-Type: ") }
                .map { String($0.dropFirst("- Content-Type: ".count)) }
            var parameters: [SeedParameter] = []
            var body: SeedRequestBody?
            for row in rows {
                let baseType = String(row.type.prefix { $0 != "<" })
                let isModel = baseType.first?.isUppercase == true && !nonModelTypes.contains(baseType)
                if isModel, let contentType, contentType != "Not defined" {
                    guard body == nil else { throw SeedDocumentationError(seed, "\(start.name): two bodies") }
                    body = SeedRequestBody(name: row.name, required: !row.optional)
                } else {
                    parameters.append(SeedParameter(name: row.name, required: !row.optional))
                }
            }
            let entry = index[position]
            return SeedOperation(
                name: start.name, parameters: parameters, body: body, method: entry.method, path: entry.path
            )
        }
    }

    /// The rows of the section's parameter table, one per signature argument, in order.
    private static func parameterRows(
        in section: [String], arguments: [String], operation: String, seed: String
    ) throws -> [(name: String, type: String, optional: Bool)] {
        guard let header = section.firstIndex(of: "Name | Type | Description | Notes |") else {
            guard arguments.isEmpty else {
                throw SeedDocumentationError(seed, "\(operation) has arguments \(arguments) but no parameter table")
            }
            return []
        }
        guard header + 1 < section.count, section[header + 1] == "---|---|---|---|" else {
            throw SeedDocumentationError(seed, "\(operation): parameter table without its separator line")
        }
        var rowTexts: [String] = []
        for line in section[(header + 2)...] {
            if arguments.contains(where: { line.hasPrefix("\($0) | ") }) {
                rowTexts.append(line)
            } else if !rowTexts.isEmpty, line.contains("|") {
                rowTexts[rowTexts.count - 1] += " " + line  // a wrapped row
            } else {
                break
            }
        }
        let rows = rowTexts.map { text in
            let cells = text.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            return (name: cells[0], type: cells[1], optional: cells.dropFirst(2).contains { $0.hasPrefix("[optional]") })
        }
        guard rows.map(\.name) == arguments else {
            throw SeedDocumentationError(seed, "\(operation): table rows \(rows.map(\.name)) are not the arguments \(arguments)")
        }
        return rows
    }
}
