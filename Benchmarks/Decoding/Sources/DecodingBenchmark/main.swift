import Foundation
import OryKratos

// Decodes the same ~10 MB identity list through the generated `[OryKratos.Identity]` and through
// hand-written structs of the same shape, with the same decoder (`JSONCoding.makeDecoder()`, so
// the same RFC 3339 date strategy). Runs alternate A B B A … so drift in a shared machine's load
// cancels; prints the medians and the ratio generated / hand-written (smaller is better, 1.0 is parity).

var megabytes = 10.0
var iterations = 15
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--megabytes": megabytes = Double(arguments.popFirst() ?? "") ?? megabytes
    case "--iterations": iterations = Int(arguments.popFirst() ?? "") ?? iterations
    default:
        FileHandle.standardError.write(Data("usage: DecodingBenchmark [--megabytes M] [--iterations N]\n".utf8))
        exit(64)
    }
}

let (data, count) = Fixture.make(bytes: Int(megabytes * 1_000_000))
print("fixture: \(count) identities, \(data.count) bytes")

func decodeGenerated() throws -> Int {
    let identities = try JSONCoding.makeDecoder().decode([OryKratos.Identity].self, from: data)
    return identities.count + (identities.last?.verifiableAddresses?.count ?? 0)
}

func decodeHandWritten() throws -> Int {
    let identities = try JSONCoding.makeDecoder().decode([Hand.Identity].self, from: data)
    return identities.count + (identities.last?.verifiableAddresses?.count ?? 0)
}

// Both must read the same thing before their speed means anything.
do {
    let generated = try JSONCoding.makeDecoder().decode([OryKratos.Identity].self, from: data)
    let hand = try JSONCoding.makeDecoder().decode([Hand.Identity].self, from: data)
    precondition(generated.count == count && hand.count == count, "identity counts differ")
    for (g, h) in zip(generated, hand) {
        precondition(g.id == h.id && g.createdAt == h.createdAt && g.stateChangedAt == h.stateChangedAt)
        precondition(g.state?.rawValue == h.state?.rawValue && g.credentials?.count == h.credentials?.count)
        precondition(g.verifiableAddresses?.first?.verifiedAt == h.verifiableAddresses?.first?.verifiedAt)
        precondition(g.credentials?["password"]?.type?.rawValue == h.credentials?["password"]?.type?.rawValue)
        precondition(g.traits["email"]?.stringValue != nil)
    }
}

let clock = ContinuousClock()
func measure(_ body: () throws -> Int) rethrows -> (Double, Int) {
    let start = clock.now
    let result = try body()
    let elapsed = clock.now - start
    let (seconds, attoseconds) = elapsed.components
    return (Double(seconds) * 1_000 + Double(attoseconds) / 1e15, result)
}

var sink = 0
// Warm-up: one of each.
sink &+= try measure(decodeGenerated).1
sink &+= try measure(decodeHandWritten).1

var generatedTimes: [Double] = []
var handTimes: [Double] = []
for round in 0..<iterations {
    let generatedFirst = round % 2 == 0
    for step in 0..<2 {
        if (step == 0) == generatedFirst {
            let (ms, result) = try measure(decodeGenerated)
            generatedTimes.append(ms)
            sink &+= result
        } else {
            let (ms, result) = try measure(decodeHandWritten)
            handTimes.append(ms)
            sink &+= result
        }
    }
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

let generatedMedian = median(generatedTimes)
let handMedian = median(handTimes)
let mb = Double(data.count) / 1_000_000
func format(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }
print("generated  [OryKratos.Identity]: median \(format(generatedMedian)) ms, min \(format(generatedTimes.min()!)) ms, \(format(mb / generatedMedian * 1_000)) MB/s")
print("hand-written [Hand.Identity]:   median \(format(handMedian)) ms, min \(format(handTimes.min()!)) ms, \(format(mb / handMedian * 1_000)) MB/s")
print("ratio generated/hand-written: \(format(generatedMedian / handMedian, 3)) (\(iterations) alternating runs each; sink \(sink % 10))")
print("decoding-result identities=\(count) bytes=\(data.count) iterations=\(iterations) generated_ms=\(format(generatedMedian, 2)) handwritten_ms=\(format(handMedian, 2)) ratio=\(format(generatedMedian / handMedian, 3))")
