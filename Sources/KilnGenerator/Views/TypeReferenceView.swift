import KilnIR
import KilnTemplates

/// A type as a template spells it: `TypeName.stencil`'s `typeName` macro writes the brackets of
/// arrays and dictionaries, and the module qualifier where a nested type would shadow the name.
struct TypeReferenceView: TemplateViewModel {
    /// `named`, `builtin`, `array` or `dictionary`.
    var kind: String
    /// The type's name for `named` and `builtin`; empty for the collections.
    var name: String
    /// The module's name, where a type nested in the scope of the use shadows `name`.
    var qualifier: String?
    /// The element (array) or value (dictionary) type; zero or one, since a struct cannot hold itself.
    private var elements: [TypeReferenceView]

    var element: TypeReferenceView? { elements.first }

    static let members: TemplateMembers<TypeReferenceView> = [
        .init("kind", \.kind), .init("name", \.name), .init("qualifier", \.qualifier), .init("element", \.element),
    ]

    /// `type` as seen from a scope where `shadowed` names (first components) refer to nested types.
    init(_ type: IRTypeReference, moduleName: String, shadowed: Set<String>) {
        switch type {
        case .named(let name):
            let first = DottedName.first(name)
            self.init(kind: "named", name: name, qualifier: shadowed.contains(first) ? moduleName : nil, elements: [])
        case .builtin(let builtin):
            self.init(kind: "builtin", name: builtin.rawValue, qualifier: nil, elements: [])
        case .array(let element):
            self.init(kind: "array", name: "", qualifier: nil, elements: [TypeReferenceView(element, moduleName: moduleName, shadowed: shadowed)])
        case .dictionary(let value):
            self.init(kind: "dictionary", name: "", qualifier: nil, elements: [TypeReferenceView(value, moduleName: moduleName, shadowed: shadowed)])
        }
    }

    /// `type` where nothing shadows it: inside model declarations, which qualify nothing.
    init(_ type: IRTypeReference) {
        self.init(type, moduleName: "", shadowed: [])
    }

    /// A name defined by the generated code itself (`Operations.X.Body`), never shadowed.
    static func named(_ name: String) -> TypeReferenceView {
        TypeReferenceView(kind: "named", name: name, qualifier: nil, elements: [])
    }

    private init(kind: String, name: String, qualifier: String?, elements: [TypeReferenceView]) {
        self.kind = kind
        self.name = name
        self.qualifier = qualifier
        self.elements = elements
    }

    /// The width of the spelling `typeName` renders, so a signature can decide whether it fits on
    /// one line without being written out here: brackets add 2, the dictionary's key 8 more.
    var spelledWidth: Int {
        switch kind {
        case "array": return (element?.spelledWidth ?? 0) + 2
        case "dictionary": return (element?.spelledWidth ?? 0) + 10
        default: return name.count + (qualifier.map { $0.count + 1 } ?? 0)
        }
    }
}
