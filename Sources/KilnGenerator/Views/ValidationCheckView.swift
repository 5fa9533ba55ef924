import KilnTemplates

/// One check before a request is sent, for `ValidationChecks.stencil`'s `validationCheck` macro:
/// a `RequestValidator` call on a value, a `switch` over an enum (a body offered in several media
/// types, a `oneOf`) whose cases have checks of their own, or an `anyOf`'s alternatives, of which
/// one that is set must pass.
struct ValidationCheckView: TemplateViewModel {
    /// `call`, `switch` or `anyOf`.
    var kind: String
    /// For `call`: the validator's method (`checkRange`, `checkText`, `checkItems`, `checkKnown`, `checkNested`).
    var method: String
    /// The value checked (`call`) or switched over (`switch`): a parameter, `body`, `self`, a payload.
    var value: String
    /// The value is a stored property, read through `self.` (the method's parameters may share its name).
    var valueIsProperty: Bool
    /// Where the value is in the request, for error messages: `literal` (`pathText` itself),
    /// `member` (the enclosing value's path followed by `pathText`), or `enclosing` (that path alone).
    var pathKind: String
    var pathText: String
    var arguments: [ValidationArgumentView]
    /// For `switch`: the cases with checks; a `default` for the others when `hasDefault`. For `anyOf`:
    /// every alternative (`member` the stored property), those without checks too, since one of them
    /// being set is enough.
    var cases: [ValidationCaseView]
    var hasDefault: Bool
    /// The switched value is optional: the `switch` is inside `if let`.
    var unwrapsOptional: Bool

    static let members: TemplateMembers<ValidationCheckView> = [
        .init("kind", \.kind), .init("method", \.method), .init("value", \.value), .init("valueIsProperty", \.valueIsProperty),
        .init("pathKind", \.pathKind), .init("pathText", \.pathText), .init("arguments", \.arguments), .init("cases", \.cases),
        .init("hasDefault", \.hasDefault), .init("unwrapsOptional", \.unwrapsOptional),
    ]

    /// Where a checked value is, relative to the value being validated.
    struct Location {
        var kind: String
        var text: String

        static func literal(_ text: String) -> Location { Location(kind: "literal", text: text) }
        static func member(_ text: String) -> Location { Location(kind: "member", text: text) }
        static let enclosing = Location(kind: "enclosing", text: "")
    }

    static func call(
        _ method: String, value: String, isProperty: Bool, at location: Location, arguments: [ValidationArgumentView] = []
    ) -> ValidationCheckView {
        ValidationCheckView(
            kind: "call", method: method, value: value, valueIsProperty: isProperty, pathKind: location.kind, pathText: location.text,
            arguments: arguments, cases: [], hasDefault: false, unwrapsOptional: false
        )
    }

    static func anyOf(_ alternatives: [ValidationCaseView]) -> ValidationCheckView {
        ValidationCheckView(
            kind: "anyOf", method: "", value: "self", valueIsProperty: false, pathKind: Location.enclosing.kind, pathText: "",
            arguments: [], cases: alternatives, hasDefault: false, unwrapsOptional: false
        )
    }

    static func switchOver(_ value: String, cases: [ValidationCaseView], hasDefault: Bool, unwrapsOptional: Bool) -> ValidationCheckView {
        ValidationCheckView(
            kind: "switch", method: "", value: value, valueIsProperty: false, pathKind: Location.enclosing.kind, pathText: "",
            arguments: [], cases: cases, hasDefault: hasDefault, unwrapsOptional: unwrapsOptional
        )
    }
}
