import KilnDiagnostics

/// Applies the user's operation filter after lowering; `SwiftNamer` then names the kept methods,
/// with the user's method names.
enum OperationCustomization {
    static func apply(_ options: LoweringOptions, to operations: [IROperation], log: inout DiagnosticLog) -> [IROperation] {
        let known = Set(operations.map(\.operationId))
        for operationId in options.operationNames.keys.sorted() where !known.contains(operationId) {
            log.warning("naming.operations names '\(operationId)', which is not an operationId of the spec", at: nil)
        }
        return operations.filter(options.operationFilter.includes)
    }
}
