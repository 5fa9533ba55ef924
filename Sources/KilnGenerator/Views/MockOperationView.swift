import KilnTemplates

/// One operation as `ClientProtocol` and `MockClient` see it: its public methods and, for the
/// mock, the record of one call.
struct MockOperationView: TemplateViewModel {
    /// `X` of `Operations.X`.
    var typeName: String
    var deprecated: Bool
    /// A response streams: the raw form returns a `StreamedHTTPResponse`.
    var streams: Bool
    var methods: [OperationMethodView]
    /// The struct recording one call's arguments (`GetIdentityCall`), nested in `MockClient`.
    var callTypeName: String
    /// The mock's list of recorded calls (`getIdentityCalls`), whichever method was called.
    var callsName: String
    /// The call struct's properties: every parameter, named by its label.
    var callFields: [ArgumentView]

    static let members: TemplateMembers<MockOperationView> = [
        .init("typeName", \.typeName), .init("deprecated", \.deprecated), .init("streams", \.streams), .init("methods", \.methods),
        .init("callTypeName", \.callTypeName), .init("callsName", \.callsName), .init("callFields", \.callFields),
        // The methods the protocol's extension gives `nil` defaults.
        .init("defaultedMethods") { $0.methods.filter(\.hasDefaults) },
    ]
}
