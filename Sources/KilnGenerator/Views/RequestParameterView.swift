import KilnIR
import KilnTemplates

/// A parameter as the request carries it: where it goes and how it is serialized. The options
/// that differ from the runtime's defaults for the location are flagged, so a template writes only those.
struct RequestParameterView: TemplateViewModel {
    /// The name on the wire.
    var name: String
    /// The Swift value holding it (the method's internal parameter name).
    var value: String
    /// `path`, `query`, `header` or `cookie`.
    var location: String
    /// The OpenAPI style (`simple`, `form`, `label`, `matrix`, `spaceDelimited`, …).
    var style: String
    var styleIsDefault: Bool
    var explode: Bool
    var explodeIsDefault: Bool
    var allowReserved: Bool

    static let members: TemplateMembers<RequestParameterView> = [
        .init("name", \.name), .init("value", \.value), .init("location", \.location), .init("style", \.style),
        .init("styleIsDefault", \.styleIsDefault), .init("explode", \.explode), .init("explodeIsDefault", \.explodeIsDefault),
        .init("allowReserved", \.allowReserved),
    ]

    init(_ parameter: IRParameter) {
        let defaultStyle = IRParameterStyle.default(for: parameter.location)
        name = parameter.name
        value = parameter.valueName
        location = parameter.location.rawValue
        style = parameter.style.rawValue
        styleIsDefault = parameter.style == defaultStyle
        explode = parameter.explode
        explodeIsDefault = parameter.explode == defaultStyle.explodesByDefault
        allowReserved = parameter.allowReserved
    }
}
