import KilnIR

/// What a generation run produces and how; the command line and `kiln-config.yaml` both fill it.
public struct GeneratorOptions: Sendable {
    /// Which parts of the client to emit.
    public enum Part: String, Sendable, Hashable, CaseIterable {
        case models
        case client
        /// `APIHandler`, `Operations.X.Input`, the `Router` and `InProcessTransport`: serving the API.
        case server
        /// `MockClient`, a test double conforming to `ClientProtocol`, under `Mocks/`: for a separate
        /// test-support target that imports the client module (never compiled into it).
        case mocks

        /// What is generated unless a configuration or the command line asks otherwise.
        public static let defaults: Set<Part> = [.models, .client]
    }

    /// How generated declarations are spread over files.
    public enum Layout: String, Sendable, Hashable {
        /// One file per model and per tag, in `Models/`, `Client/`, `Support/`: best for reading diffs.
        case tree
        /// A fixed set of files known before generation (for build plugins), balanced for parallel compilation.
        case sharded
    }

    /// How the generated client sends requests: which `HTTPTransport` conformances `Support/` holds.
    public enum Transport: String, Sendable, Hashable, CaseIterable {
        /// `URLSessionTransport`: Foundation's `URLSession` (FoundationNetworking on Linux), no dependency.
        case urlSession
        /// `AsyncHTTPClientTransport` in `Support/AsyncHTTPClientTransport.swift`: SwiftNIO's HTTP client, for
        /// servers on Linux. The generated module then imports AsyncHTTPClient, NIOCore and NIOHTTP1, so its
        /// target must depend on the async-http-client package.
        case asyncHTTPClient

        /// What is generated unless a configuration or the command line asks otherwise: no dependency.
        public static let defaults: Set<Transport> = [.urlSession]
    }

    /// The Swift module the files compile into; also used to avoid type names that shadow it.
    public var moduleName: String
    /// `public`, `package` or `internal` for every generated declaration.
    public var accessModifier: String
    /// A folder whose `*.stencil` files replace the built-in templates of the same name.
    public var templatesDirectory: String?
    public var parts: Set<Part>
    public var layout: Layout
    /// Modules every generated file imports besides Foundation (where overridden types live).
    public var additionalImports: [String]
    /// The transports emitted. `Client`'s default transport is `URLSessionTransport` when it is among
    /// them, else `AsyncHTTPClientTransport`; never empty.
    public var transports: Set<Transport>
    public var lowering: LoweringOptions

    public init(
        moduleName: String, accessModifier: String = "public", templatesDirectory: String? = nil,
        parts: Set<Part> = Part.defaults, layout: Layout = .tree, additionalImports: [String] = [],
        transports: Set<Transport> = Transport.defaults, lowering: LoweringOptions = LoweringOptions()
    ) {
        self.moduleName = moduleName
        self.accessModifier = accessModifier
        self.templatesDirectory = templatesDirectory
        self.parts = parts
        self.layout = layout
        self.additionalImports = additionalImports
        self.transports = transports
        self.lowering = lowering
    }
}
