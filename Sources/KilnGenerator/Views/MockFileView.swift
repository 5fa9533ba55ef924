import KilnTemplates

/// The model of `Mocks.MockClient.swift.stencil`: `MockClient`, in a module of its own.
struct MockFileView: TemplateViewModel {
    var file: FileContext
    /// Whether the import of the client's module (`moduleName`) is `@testable`: needed when its
    /// declarations are internal.
    var importsTestable: Bool
    var operations: [MockOperationView]

    static let members: TemplateMembers<MockFileView> = FileContext.members(\.file) + [
        .init("importsTestable", \.importsTestable), .init("operations", \.operations),
    ]
}
