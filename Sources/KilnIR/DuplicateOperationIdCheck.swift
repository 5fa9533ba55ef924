import KilnDiagnostics

/// operationIds must be unique; where they are not, Kiln still generates every operation, and says
/// what each duplicate's method and types were named instead, pointing at both places.
enum DuplicateOperationIdCheck {
    static func report(_ operations: [IROperation], log: inout DiagnosticLog) {
        var first: [String: IROperation] = [:]
        for operation in operations {
            guard let earlier = first[operation.operationId] else {
                first[operation.operationId] = operation
                continue
            }
            log.warning(
                "operationId '\(operation.operationId)' is also used by \(earlier.method.rawValue) \(earlier.path) at "
                    + "\(earlier.location); this operation's method is named '\(operation.swiftName)' and its types "
                    + "'Operations.\(operation.typeName)'",
                at: operation.location
            )
        }
    }
}
