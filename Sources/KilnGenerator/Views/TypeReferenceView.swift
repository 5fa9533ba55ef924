import KilnIR
import KilnTemplates

/// A reference to a type, as structure rather than spelling: the `TypeName.stencil` macro
/// `typeName(ref)` spells it (`[Foo]`, `[String: Foo]`), so an override can change how types
/// are written without the generator knowing Swift's syntax for them.
struct TypeReferenceView: TemplateViewModel {
    /// `named` (a generated type), `builtin` (`String`, `Date`, `JSONValue`…), `array` or `dictionary`.
    var kind: String
    /// The type's name for `named` and `builtin`; empty for the two containers.
    var name: String
    /// The element of an array or the value of a dictionary (keys are always strings), stored in
    /// an array because a struct cannot hold an optional of itself; templates read `element`.
    private var contained: [TypeReferenceView] = []

    var element: TypeReferenceView? { contained.first }

    init(_ reference: IRTypeReference) {
        switch reference {
        case .named(let name):
            kind = "named"
            self.name = name
        case .builtin(let builtin):
            kind = "builtin"
            name = builtin.rawValue
        case .array(let element):
            kind = "array"
            name = ""
            contained = [TypeReferenceView(element)]
        case .dictionary(let value):
            kind = "dictionary"
            name = ""
            contained = [TypeReferenceView(value)]
        }
    }

    static let members: [TemplateMember<TypeReferenceView>] = [
        .init("kind") { $0.kind }, .init("name") { $0.name }, .init("element") { $0.element },
    ]
}
