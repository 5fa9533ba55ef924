/// One operation as a seed SDK's documentation describes it.
struct SeedOperation: Equatable, Decodable {
    /// The seed's method or function name: `adminGetIdentity`, `admin_get_identity`, `get_login_flow`.
    var name: String
    /// Path, query and header parameters, optional ones included, in the seed's order.
    var parameters: [SeedParameter]
    var body: SeedRequestBody?
    /// Upper-case HTTP method and path template, when the documentation shows them.
    var method: String?
    var path: String?

    var requiredParameterNames: [String] { parameters.filter { $0.required == true }.map(\.name) }
}
