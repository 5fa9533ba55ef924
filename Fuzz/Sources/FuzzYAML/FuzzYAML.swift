// libFuzzer target: bytes → YAMLParser.parse.
//
// Thrown `DiagnosticError`s are normal results. Beyond "no crash, hang or leak" it checks:
// - a thrown error carries at least one diagnostic of severity error;
// - tighter limits never let a document through that the default limits reject, and when both
//   succeed the trees are identical (limits only bound, they never change the result);
// - the tree's `jsonText` is JSON that parses again to a tree with the same `jsonText`.
import CFuzzerDriver
import KilnDiagnostics
import KilnYAML

private let file = "fuzz.yaml"
private let tightLimits = YAMLParser.Limits(maxNodes: 2_000, maxDepth: 24)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []

    let document: YAMLDocument
    do {
        document = try YAMLParser.parse(bytes, file: file)
    } catch {
        checkThrown(error, stage: "default limits")
        // Whatever the default limits reject, tighter ones must reject too.
        if let tight = try? YAMLParser.parse(bytes, file: file, limits: tightLimits) {
            fatalError("tight limits accepted a document the default limits reject: \(error)\n\(tight.root.jsonText.prefix(200))")
        }
        return 0
    }

    do {
        let tight = try YAMLParser.parse(bytes, file: file, limits: tightLimits)
        if tight.root != document.root || tight.warnings != document.warnings {
            fatalError("tight and default limits gave different trees")
        }
    } catch {
        checkThrown(error, stage: "tight limits")
    }

    _ = document.warnings.map(\.description)
    roundTripJSON(document.root)
    return 0
}

private func checkThrown(_ error: DiagnosticError, stage: String) {
    let text = error.description
    guard error.diagnostics.contains(where: { $0.severity == .error }) else {
        fatalError("\(stage): DiagnosticError without an error diagnostic: \(text)")
    }
}

/// `jsonText` is meant to be JSON: it must parse as YAML (a superset) and be a fixed point.
private func roundTripJSON(_ root: YAMLNode) {
    let json = root.jsonText
    // Alias expansion can make the text huge; the round trip is only worth it for modest trees.
    guard json.utf8.count <= 1 << 20 else { return }
    // Known limit, not a bug of jsonText: YAML allows at most 1024 characters from the start of an
    // implicit key to its ':', so libyaml rejects JSON objects with longer keys (so does Kiln for
    // a JSON spec with such a key; Fuzz/Regressions/yaml/json-key-over-1024-characters).
    guard longestQuotedKey(root) < 1024 else { return }
    do {
        let again = try YAMLParser.parse(Array(json.utf8), file: "roundtrip.json")
        let jsonAgain = again.root.jsonText
        if jsonAgain != json {
            fatalError("jsonText is not a fixed point:\n  \(json.prefix(300))\n  \(jsonAgain.prefix(300))")
        }
    } catch {
        fatalError("jsonText does not parse again: \(error)\n  \(json.prefix(300))")
    }
}

/// The entry point SwiftPM's Linux link step names (`--defsym main=FuzzYAML_main`): run libFuzzer.
@_cdecl("FuzzYAML_main")
public func FuzzYAMLMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzYAML(data, size) }
}

/// The length in Unicode scalars of the longest mapping key as `jsonText` writes it (quoted, escaped).
private func longestQuotedKey(_ root: YAMLNode) -> Int {
    var longest = 0
    var pending = [root]
    while let node = pending.popLast() {
        switch node.content {
        case .scalar: break
        case .sequence(let items): pending += items
        case .mapping(let mapping):
            for entry in mapping.entries {
                let key = entry.key.scalar?.value ?? ""
                let length = key.unicodeScalars.reduce(2) { sum, scalar in
                    switch scalar.value {
                    case 0x22, 0x5C, 0x0A, 0x0D, 0x09: return sum + 2
                    case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0xFFFE, 0xFFFF: return sum + 6
                    default: return sum + 1
                    }
                }
                longest = max(longest, length)
                pending.append(entry.value)
            }
        }
    }
    return longest
}
