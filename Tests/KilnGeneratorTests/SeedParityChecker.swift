import KilnAPIDiff
import KilnGenerator
import KilnIR

/// Compares a seed SDK's operations with the Swift client Kiln lowers from the same API.
///
/// An operation passes when the Swift client has it (operationId equal to the seed's name, ignoring
/// case and `_`), on the seed's method and path when the seed shows them, and the Swift method
/// - has every parameter the seed has (optional ones too), a required one exactly where the seed's is
///   required (where the seed tells), and requires nothing the seed does not;
/// - takes a body where the seed does, required exactly where the seed's is (where the seed tells),
///   and requires none where the seed sends none.
struct SeedParityChecker {
    private let operations: [String: [IROperation]]
    private let surface: APISurface

    init(module: IRModule) {
        operations = Dictionary(grouping: module.operations) { SeedName.normalized($0.operationId) }
        surface = APISurface(module)
    }

    /// The normalized operation names of the module, for telling which spec a seed documents.
    var normalizedOperationIds: Set<String> { Set(operations.keys) }

    /// The Swift operation for a seed operation, if there is exactly one.
    func swiftOperation(for seed: SeedOperation) -> IROperation? {
        guard let candidates = operations[SeedName.normalized(seed.name)], candidates.count == 1 else { return nil }
        return candidates[0]
    }

    /// What differs; empty when the operation is at parity. `seedPath` is the seed's path as it
    /// corresponds to the spec's (see the callers for prefixes).
    func problems(for seed: SeedOperation, seedPath: String?) -> [String] {
        let candidates = operations[SeedName.normalized(seed.name)] ?? []
        guard candidates.count == 1 else {
            return candidates.isEmpty
                ? ["no Swift operation with operationId ~ \(seed.name)"]
                : ["several Swift operations match \(seed.name): \(candidates.map(\.operationId))"]
        }
        let operation = candidates[0]
        var problems: [String] = []

        if let surfaced = surface.operations[operation.operationId] {
            if surfaced.methodName != operation.swiftName {
                problems.append("public method \(surfaced.methodName) is not \(operation.swiftName)")
            }
        } else {
            problems.append("\(operation.operationId) is not in the public API surface")
        }
        if let method = seed.method, method != operation.method.rawValue {
            problems.append("method: seed \(method), Swift \(operation.method)")
        }
        if let seedPath, seedPath != operation.path {
            problems.append("path: seed \(seedPath), Swift \(operation.path)")
        }

        // Parameters, matched by normalized spec name or Swift name.
        var matched: Set<String> = []
        for parameter in seed.parameters {
            let key = SeedName.normalized(parameter.name)
            let found = operation.parameters.filter {
                SeedName.normalized($0.name) == key || SeedName.normalized($0.swiftName) == key
            }
            guard found.count == 1, let swift = found.first else {
                problems.append(
                    found.isEmpty
                        ? "parameter \(parameter.name): not in the Swift method (has \(operation.parameters.map(\.swiftName)))"
                        : "parameter \(parameter.name): matches several Swift parameters"
                )
                continue
            }
            matched.insert(swift.name + "\u{0}" + swift.location.rawValue)
            if let required = parameter.required, required != swift.required {
                problems.append(
                    "parameter \(parameter.name): \(required ? "required" : "optional") in the seed, "
                        + "\(swift.required ? "required" : "optional") in Swift (\(swift.swiftName))"
                )
            }
        }
        for swift in operation.parameters
        where swift.required && !matched.contains(swift.name + "\u{0}" + swift.location.rawValue) {
            problems.append("Swift requires \(swift.location.rawValue) parameter \(swift.name), which the seed does not have")
        }

        // Body.
        switch (seed.body, operation.requestBody) {
        case (let body?, nil):
            problems.append("the seed sends a body (\(body.name)), the Swift method takes none")
        case (let body?, let swift?):
            if let required = body.required, required != swift.required {
                problems.append(
                    "body \(body.name): \(required ? "required" : "optional") in the seed, "
                        + "\(swift.required ? "required" : "optional") in Swift"
                )
            }
        case (nil, let swift?) where swift.required:
            problems.append("Swift requires a body, the seed sends none")
        default:
            break
        }
        return problems
    }
}
