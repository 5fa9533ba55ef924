/// Decides which operations page, from what the spec documents and what the configuration says.
///
/// An operation pages by `Link` header when a success response documents a `Link` header, or when
/// the configuration's `pagination` applies; either way it needs the optional query parameter the
/// token goes in, and one array type for every success body (the items of a page).
struct PaginationDecision {
    private let typesByName: [String: IRType]
    private let options: PaginationOptions?

    init(types: [IRType], options: PaginationOptions?) {
        self.typesByName = .byQualifiedName(types)
        self.options = options
    }

    func pagination(of operation: IROperation) -> IRPagination? {
        let reason: IRPagination.Reason
        if documentsLinkHeader(operation) {
            reason = .documentedLinkHeader
        } else if options?.style == .link {
            reason = .configuration
        } else {
            return nil
        }
        let cursor = options?.cursorParameter ?? IRPagination.defaultCursorParameter
        guard operation.parameters.contains(where: { $0.location == .query && $0.name == cursor && !$0.required }),
              let itemType = pageItemType(operation)
        else { return nil }
        return IRPagination(style: .link, reason: reason, cursorParameter: cursor, itemType: itemType)
    }

    private func documentsLinkHeader(_ operation: IROperation) -> Bool {
        operation.responses.contains { response in
            response.status.isSuccess && response.headers.contains { $0.name.lowercased() == "link" }
        }
    }

    /// The element type when every success response has the same array body; `nil` otherwise
    /// (also when one has no body, which would make a page optional).
    private func pageItemType(_ operation: IROperation) -> IRTypeReference? {
        let successes = operation.successResponses
        guard let bodyType = successes.first?.bodyType,
              successes.allSatisfy({ $0.bodyType == bodyType }),
              case .array(let element) = typesByName.resolvingAliases(bodyType)
        else { return nil }
        return element
    }
}
