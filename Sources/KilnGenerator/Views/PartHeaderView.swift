import KilnIR
import KilnTemplates

/// One fixed header of a multipart part.
struct PartHeaderView: TemplateViewModel {
    var name: String
    var value: String

    static let members: TemplateMembers<PartHeaderView> = [.init("name", \.name), .init("value", \.value)]

    init(_ header: IRPartHeader) {
        name = header.name
        value = header.value
    }
}
