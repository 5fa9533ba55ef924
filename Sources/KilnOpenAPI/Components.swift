/// The reusable objects of `components`, each map in document order.
public struct Components: Sendable {
    public var schemas: OrderedMap<Referenceable<Schema>>
    public var responses: OrderedMap<Referenceable<Response>>
    public var parameters: OrderedMap<Referenceable<Parameter>>
    public var requestBodies: OrderedMap<Referenceable<RequestBody>>
    public var headers: OrderedMap<Referenceable<Header>>
    public var securitySchemes: OrderedMap<Referenceable<SecurityScheme>>

    public init(
        schemas: OrderedMap<Referenceable<Schema>> = .init(), responses: OrderedMap<Referenceable<Response>> = .init(),
        parameters: OrderedMap<Referenceable<Parameter>> = .init(), requestBodies: OrderedMap<Referenceable<RequestBody>> = .init(),
        headers: OrderedMap<Referenceable<Header>> = .init(), securitySchemes: OrderedMap<Referenceable<SecurityScheme>> = .init()
    ) {
        self.schemas = schemas
        self.responses = responses
        self.parameters = parameters
        self.requestBodies = requestBodies
        self.headers = headers
        self.securitySchemes = securitySchemes
    }
}
