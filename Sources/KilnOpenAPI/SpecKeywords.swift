/// The fields each OpenAPI object may have (3.0 and 3.1 together, since a key valid in either is
/// not a typo), for the unknown-key check. `x-` extensions are allowed everywhere.
enum SpecKeywords {
    enum ObjectKind: String {
        case document, info, contact, license, server, serverVariable, components, pathItem, operation
        case externalDocs, parameter, requestBody, mediaType, encoding, response, header, tag, example
        case link, securityScheme, oauthFlows, oauthFlow, schema, discriminator, xml

        /// How a diagnostic names the object: "an operation", "a schema".
        var phrase: String {
            switch self {
            case .document: return "the document"
            case .info: return "'info'"
            case .pathItem: return "a path item"
            case .operation: return "an operation"
            case .externalDocs: return "'externalDocs'"
            case .oauthFlows: return "'flows'"
            case .oauthFlow: return "an OAuth flow"
            case .serverVariable: return "a server variable"
            case .securityScheme: return "a security scheme"
            case .requestBody: return "a request body"
            case .mediaType: return "a media type"
            case .xml: return "'xml'"
            default:
                let words = rawValue.reduce(into: "") { text, character in
                    text += character.isUppercase ? " " + character.lowercased() : String(character)
                }
                return (["a", "e", "i", "o", "u"].contains(words.first.map(String.init) ?? "") ? "an " : "a ") + words
            }
        }
    }

    static let httpMethods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    static func fields(of kind: ObjectKind) -> Set<String> {
        switch kind {
        case .document:
            return ["openapi", "info", "jsonSchemaDialect", "servers", "paths", "webhooks", "components", "security", "tags", "externalDocs"]
        case .info: return ["title", "summary", "description", "termsOfService", "contact", "license", "version"]
        case .contact: return ["name", "url", "email"]
        case .license: return ["name", "identifier", "url"]
        case .server: return ["url", "description", "variables"]
        case .serverVariable: return ["enum", "default", "description"]
        case .components:
            return ["schemas", "responses", "parameters", "examples", "requestBodies", "headers", "securitySchemes", "links", "callbacks", "pathItems"]
        case .pathItem: return httpMethods.union(["$ref", "summary", "description", "servers", "parameters"])
        case .operation:
            return [
                "tags", "summary", "description", "externalDocs", "operationId", "parameters", "requestBody", "responses",
                "callbacks", "deprecated", "security", "servers",
            ]
        case .externalDocs: return ["description", "url"]
        case .parameter: return fields(of: .header).union(["name", "in"])
        case .header:
            return [
                "description", "required", "deprecated", "allowEmptyValue", "style", "explode", "allowReserved", "schema",
                "example", "examples", "content",
            ]
        case .requestBody: return ["description", "content", "required"]
        case .mediaType: return ["schema", "example", "examples", "encoding"]
        case .encoding: return ["contentType", "headers", "style", "explode", "allowReserved"]
        case .response: return ["description", "headers", "content", "links"]
        case .tag: return ["name", "description", "externalDocs"]
        case .example: return ["summary", "description", "value", "externalValue"]
        case .link: return ["operationRef", "operationId", "parameters", "requestBody", "description", "server"]
        case .securityScheme: return ["type", "description", "name", "in", "scheme", "bearerFormat", "flows", "openIdConnectUrl"]
        case .oauthFlows: return ["implicit", "password", "clientCredentials", "authorizationCode"]
        case .oauthFlow: return ["authorizationUrl", "tokenUrl", "refreshUrl", "scopes"]
        case .schema: return schemaKeywords
        case .discriminator: return ["propertyName", "mapping"]
        case .xml: return ["name", "namespace", "prefix", "attribute", "wrapped"]
        }
    }

    /// OpenAPI 3.0's schema object and JSON Schema 2020-12 (OpenAPI 3.1), with `definitions` from older drafts.
    static let schemaKeywords: Set<String> = [
        "$ref", "$id", "$schema", "$anchor", "$dynamicAnchor", "$dynamicRef", "$defs", "$comment", "$vocabulary", "definitions",
        "title", "description", "default", "examples", "example", "deprecated", "readOnly", "writeOnly", "nullable",
        "type", "enum", "const", "format", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
        "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains",
        "maxProperties", "minProperties", "required", "dependentRequired", "allOf", "anyOf", "oneOf", "not", "if", "then",
        "else", "dependentSchemas", "prefixItems", "items", "contains", "properties", "patternProperties",
        "additionalProperties", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "contentEncoding",
        "contentMediaType", "contentSchema", "discriminator", "xml", "externalDocs",
    ]

    /// Keywords whose value is one schema, and those whose value is a list or a map of schemas.
    static let subschemaKeywords: Set<String> = [
        "not", "if", "then", "else", "items", "contains", "additionalProperties", "propertyNames", "unevaluatedItems",
        "unevaluatedProperties", "contentSchema",
    ]
    static let subschemaListKeywords: Set<String> = ["allOf", "anyOf", "oneOf", "prefixItems"]
    static let subschemaMapKeywords: Set<String> = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]
}
