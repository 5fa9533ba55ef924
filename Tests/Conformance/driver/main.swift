// The conformance driver for a client generated during the run (scripts/conformance): the same
// harness as Tests/OryKratosConformanceTests, as an executable. Its cases (Cases.swift) are written
// by gen_driver.py from the spec and the generated client's source.
//
// Usage: Driver SPEC NAME — prints problems and skipped cases, then `NAME calls: …`,
// `NAME undocumented statuses: …`, `NAME skipped: N`, then `NAME: N passed, M failed` over the
// documented (operation, status) pairs. Exits 1 when anything failed.

import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    print("usage: \(arguments[0]) SPEC NAME")
    exit(64)
}
let spec = URL(fileURLWithPath: arguments[1])
let name = arguments[2]

let stub: StubServer
do {
    stub = try StubServer(spec: spec)
} catch {
    print("\(name): could not start the stub: \(error)")
    exit(2)
}

let runner = ConformanceRunner(stub: stub, authentication: ConformanceCases.authentication)
let missing = ConformanceCases.operationIds
    .subtracting(ConformanceCases.calls.map(\.operationId))
    .subtracting(ConformanceCases.skippedOperationIds)
let calls = await runner.runCalls(ConformanceCases.calls)
let statuses = await runner.runStatusCases(ConformanceCases.statusCases)
let undocumented = await runner.runStatusCases(ConformanceCases.undocumentedCases)
let leftovers = (try? await stub.failures().filter { $0.label.isEmpty || !$0.label.contains("/") }) ?? []
let selfCheck = (try? await stub.selfCheck()) ?? []
stub.stop()

for problem in calls.problems + statuses.problems + undocumented.problems {
    print("\(name): \(problem)")
}
for failure in leftovers {
    print("\(name): stub rejected \(failure)")
}
for entry in selfCheck {
    print("\(name): stub self-check (a stub bug): \(entry)")
}
for entry in ConformanceCases.skipped {
    print("\(name) skipped \(entry)")
}
if !missing.isEmpty {
    print("\(name): operations without calls (no typed method found): \(missing.sorted().joined(separator: ", "))")
}
let pairsWithoutCase = ConformanceCases.documentedPairCount - ConformanceCases.statusCases.count
let called = ConformanceCases.operationIds.count - missing.count - ConformanceCases.skippedOperationIds.count
print("\(name) operations: \(called) of \(ConformanceCases.operationIds.count) called, \(ConformanceCases.skippedOperationIds.count) skipped")
print("\(name) calls: \(calls.passed) passed, \(calls.failed) failed")
print("\(name) undocumented statuses: \(undocumented.passed) passed, \(undocumented.failed) failed")
print("\(name) skipped: \(ConformanceCases.skipped.count)")
print("\(name): \(statuses.passed) passed, \(statuses.failed + pairsWithoutCase) failed")
let failed = calls.failed + statuses.failed + undocumented.failed + leftovers.count + missing.count + pairsWithoutCase
exit(failed == 0 ? 0 : 1)
