import KilnDiagnostics

/// Applies the user's operation filter and method names after lowering.
enum OperationCustomization {
    static func apply(_ options: LoweringOptions, to operations: [IROperation], log: inout DiagnosticLog) -> [IROperation] {
        var kept = operations.filter(options.operationFilter.includes)
        let known = Set(operations.map(\.operationId))
        for operationId in options.operationNames.keys.sorted() where !known.contains(operationId) {
            log.warning("naming.operations names '\(operationId)', which is not an operationId of the spec", at: nil)
        }
        guard !options.operationNames.isEmpty else { return kept }
        // Renamed methods claim their names first; the others keep theirs unless taken.
        var names = NameScope()
        for index in kept.indices {
            if let chosen = options.operationNames[kept[index].operationId] {
                kept[index].swiftName = names.claim(chosen)
            }
        }
        for index in kept.indices where options.operationNames[kept[index].operationId] == nil {
            kept[index].swiftName = names.claim(kept[index].swiftName)
        }
        return kept
    }
}
