/// How a parameter's value is serialized (OpenAPI `style`), with the location's default applied.
public enum IRParameterStyle: String, Sendable, Hashable, CaseIterable {
    case form, simple, label, matrix, spaceDelimited, pipeDelimited, deepObject

    /// `form` for query and cookie parameters, `simple` for path and header ones.
    public static func `default`(for location: IRParameter.Location) -> IRParameterStyle {
        switch location {
        case .query, .cookie: return .form
        case .path, .header: return .simple
        }
    }

    /// `form` explodes unless told otherwise; every other style does not.
    public var explodesByDefault: Bool { self == .form }
}
