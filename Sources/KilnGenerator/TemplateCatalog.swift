import KilnDiagnostics
import KilnTemplates

/// Every built-in template and the view model it renders: the list `Templates/README.md`'s table
/// is checked against, and the one that lets a test check each template (and a user's override)
/// against its model before anything is rendered.
public enum TemplateCatalog {
    /// One template: its file name, its model's type name and what it emits.
    public struct Entry: Sendable {
        public let template: String
        public let viewModel: String
        public let purpose: String
        let check: @Sendable (TemplateEnvironment) throws(DiagnosticError) -> Void

        init<Model: TemplateViewModel>(_ template: String, _ model: Model.Type, _ purpose: String) {
            self.template = template
            self.viewModel = Model.templateTypeName
            self.purpose = purpose
            self.check = { (environment: TemplateEnvironment) throws(DiagnosticError) in
                try environment.check(templateNamed: template, against: model)
            }
        }

        /// A partial only ever included or imported: checked by checking `includer`, which uses it,
        /// against the includer's model.
        init<Model: TemplateViewModel>(_ template: String, checkedThrough includer: String, _ model: Model.Type, _ purpose: String) {
            self.template = template
            self.viewModel = Model.templateTypeName
            self.purpose = purpose
            self.check = { (environment: TemplateEnvironment) throws(DiagnosticError) in
                try environment.check(templateNamed: includer, against: model)
            }
        }
    }

    /// Templates rendered once per module with no model of their own: the fixed runtime.
    static let support: [Entry] = [
        .init("Support.APIError.swift.stencil", SupportFileView.self, "`APIError`, `OperationError` and undocumented-response errors."),
        .init(
            "Support.AsyncHTTPClientTransport.swift.stencil", SupportFileView.self,
            "`AsyncHTTPClientTransport`: the transport over AsyncHTTPClient (when `transports` lists `asyncHTTPClient`)."
        ),
        .init("Support.ClientMiddleware.swift.stencil", SupportFileView.self, "Middleware: retries, logging, request/response hooks."),
        .init("Support.EventStreams.swift.stencil", SupportFileView.self, "Server-sent events and JSON Lines read as they arrive (when a response streams)."),
        .init("Support.HTTPBody.swift.stencil", SupportFileView.self, "`HTTPBody`: a body as byte chunks arriving over time, from memory, a file or a stream."),
        .init("Support.HTTPTransport.swift.stencil", SupportFileView.self, "The transport protocol and (unless `transports` leaves it out) the URLSession transport."),
        .init("Support.Indirect.swift.stencil", SupportFileView.self, "`@Indirect`, for recursive value types."),
        .init("Support.JSONCoding.swift.stencil", SupportFileView.self, "JSON encoder/decoder set-up, dates, `AnyCodingKey`."),
        .init("Support.JSONValue.swift.stencil", SupportFileView.self, "`JSONValue`, for schemas without a fixed shape."),
        .init("Support.PageSequence.swift.stencil", SupportFileView.self, "`PageSequence`, iterating paged list operations."),
        .init("Support.ParameterEncoder.swift.stencil", SupportFileView.self, "Parameter serialization by OpenAPI style."),
        .init("Support.RequestBuilder.swift.stencil", SupportFileView.self, "`RequestBuilder`: path, query, headers, cookies and bodies."),
        .init("Support.RequestValidation.swift.stencil", SupportFileView.self, "`RequestValidator`, checking constraints before sending."),
    ]

    /// The client: `Client`, one file of methods and one of `Operations.X` types per tag, request
    /// validation, the module README, and the partials they are written with.
    static let client: [Entry] = [
        .init("Client.swift.stencil", ClientFileView.self, "`Client`, its `Servers` and `Authentication`."),
        .init("ClientProtocol.swift.stencil", ClientProtocolFileView.self, "`ClientProtocol`: every method of `Client`, and their `nil` defaults."),
        .init("OperationNamespace.swift.stencil", SupportFileView.self, "The empty `Operations` namespace."),
        .init("Operations.swift.stencil", OperationGroupFileView.self, "A tag's methods: `x`, `xResponse`, `xRaw` and `xPages`."),
        .init("OperationTypes.swift.stencil", OperationGroupFileView.self, "A tag's `Operations.X` types: `Body`, `Response`, headers."),
        .init("RequestBodyValidation.swift.stencil", RequestBodyValidationFileView.self, "`RequestValidatable` conformances of body types."),
        .init("README.md.stencil", ReadmeFileView.self, "The generated module's README: getting started, operations, models."),
        .init(
            "RequestStatements.stencil", checkedThrough: "Operations.swift.stencil", OperationGroupFileView.self,
            "Builds and sends one request (`request`: `RequestView`); included by `Operations.swift.stencil`."
        ),
        .init(
            "Signature.stencil", checkedThrough: "Operations.swift.stencil", OperationGroupFileView.self,
            "Macros for parameter lists, forwarding calls and result types; imported by `Operations.swift.stencil` and others."
        ),
        .init(
            "TypeName.stencil", checkedThrough: "Operations.swift.stencil", OperationGroupFileView.self,
            "Macro `typeName`: a `TypeReferenceView` written as Swift; imported through `Signature.stencil`."
        ),
        .init(
            "ResponseCase.stencil", checkedThrough: "OperationTypes.swift.stencil", OperationGroupFileView.self,
            "Macros: `Operations.X.Response` cases, patterns and decoding; imported by both operation templates."
        ),
        .init(
            "UsageExample.stencil", checkedThrough: "Operations.swift.stencil", OperationGroupFileView.self,
            "Macros: the call example of an operation's doc comment; imported by `Operations.swift.stencil`."
        ),
        .init(
            "ValidationChecks.stencil", checkedThrough: "RequestBodyValidation.swift.stencil", RequestBodyValidationFileView.self,
            "Macros: request validation checks; imported by `RequestBodyValidation.swift.stencil` and `Operations.swift.stencil`."
        ),
    ]

    /// One file per schema, and the partials it includes (checked against the file's model: they
    /// read only its `type` and the file context, and nested types bind `type` again).
    static let models: [Entry] = [
        .init("ModelFile.swift.stencil", ModelFileView.self, "One model file: the header, the schema's pointer, its declaration."),
        .init("Declaration.stencil", ModelFileView.self, "Partial (included by `ModelFile.swift.stencil`; its macro by nested types): one declaration by its kind."),
        .init("Struct.stencil", ModelFileView.self, "Partial (included by `Declaration.stencil`): an object schema's struct."),
        .init("StructCoding.stencil", ModelFileView.self, "Partial (included by `Struct.stencil`): `init(from:)`/`encode(to:)` when spelled out."),
        .init("Enum.stencil", ModelFileView.self, "Partial (included by `Declaration.stencil`): a string or integer enumeration keeping unknown values."),
        .init("AnyOf.stencil", ModelFileView.self, "Partial (included by `Declaration.stencil`): an `anyOf`, every alternative optional."),
        .init("Union.stencil", ModelFileView.self, "Partial (included by `Declaration.stencil`): a `oneOf` as an enum."),
        .init("Alias.stencil", ModelFileView.self, "Partial (included by `Declaration.stencil`): a `typealias`."),
        .init("NestedTypes.stencil", ModelFileView.self, "Partial (included by the declarations): the types declared inside one."),
        .init("FileHeader.stencil", SupportFileView.self, "Partial (included by every Swift file template): the header and imports."),
    ]

    /// The server side: per operation (the handler, the routes, reading inputs and writing
    /// responses) and its runtime, rendered once per module.
    static let server: [Entry] = [
        .init("Server.APIHandler.swift.stencil", ServerFileView.self, "`APIHandler` and `PartialAPIHandler`: one method per operation."),
        .init("Server.Operations.swift.stencil", ServerFileView.self, "Per tag: `Operations.X.Input`, reading it from a request, writing each response."),
        .init("Server.Router.swift.stencil", ServerFileView.self, "`Router`: the route table, answering an `HTTPRequest` through the handler."),
        .init("Server.FormDecoder.swift.stencil", SupportFileView.self, "Decoding form-encoded and multipart request bodies."),
        .init("Server.InProcessTransport.swift.stencil", SupportFileView.self, "A transport calling the `Router` in process, without sockets."),
        .init("Server.Runtime.swift.stencil", SupportFileView.self, "`HTTPRequest`/`HTTPResponse`, routing and request reading."),
    ]

    /// The test double, generated on request (`--generate mocks`) for a module of its own.
    static let mocks: [Entry] = [
        .init("Mocks.MockClient.swift.stencil", MockFileView.self, "`MockClient`: per-method handlers and recorded calls."),
    ]

    /// Every entry, sorted by template name. New templates are added to one of the lists above.
    public static var entries: [Entry] {
        (support + client + models + server + mocks).sorted { $0.template < $1.template }
    }

    /// Checks every catalogued template against its model, as the generator would load it: from
    /// `templatesDirectory` where a user's copy overrides it, else the built-in one.
    public static func checkAll(templatesDirectory: String? = nil) throws(DiagnosticError) {
        let environment = GeneratorTemplates.environment(templatesDirectory: templatesDirectory)
        for entry in entries { try entry.check(environment) }
    }
}
