/// A view model type's members, written as an array literal, with the name table its converted
/// values share (`TemplateKeys`), built once when the type's `members` is first read.
public struct TemplateMembers<Model>: Sendable, RandomAccessCollection, ExpressibleByArrayLiteral {
    public let list: [TemplateMember<Model>]
    public let keys: TemplateKeys

    public init(_ list: [TemplateMember<Model>]) {
        self.list = list
        self.keys = TemplateKeys(list.map(\.name))
    }

    public init(arrayLiteral elements: TemplateMember<Model>...) {
        self.init(elements)
    }

    public var startIndex: Int { list.startIndex }
    public var endIndex: Int { list.endIndex }
    public subscript(position: Int) -> TemplateMember<Model> { list[position] }

    /// Shared members first (e.g. a file's context), then the type's own.
    public static func + (lhs: TemplateMembers, rhs: TemplateMembers) -> TemplateMembers {
        TemplateMembers(lhs.list + rhs.list)
    }
}
