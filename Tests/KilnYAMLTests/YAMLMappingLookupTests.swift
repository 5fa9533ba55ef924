import KilnDiagnostics
import KilnYAML
import XCTest

/// Small mappings are searched linearly and large ones through a hash index; both must find the
/// same entries, the last one for a duplicated key.
final class YAMLMappingLookupTests: XCTestCase {
    private func mapping(keys: [String]) -> YAMLMapping {
        let location = SourceLocation(file: "t.yaml", line: 1, column: 1)
        var mapping = YAMLMapping()
        for (position, key) in keys.enumerated() {
            mapping.append(YAMLMapping.Entry(
                key: YAMLNode(.scalar(YAMLScalar(key)), location: location),
                value: YAMLNode(.scalar(YAMLScalar(String(position))), location: location)
            ))
        }
        return mapping
    }

    func testLookupsAgreeAtEverySize() {
        for size in 0...40 {
            let keys = (0..<size).map { "key\($0 % 7 == 3 ? 0 : $0)" }
            let built = mapping(keys: keys)
            XCTAssertEqual(YAMLMapping(built.entries), built)
            for key in Set(keys) {
                let last = keys.lastIndex(of: key).map(String.init)
                XCTAssertEqual(built[key]?.scalar?.value, last, "size \(size), key \(key)")
                XCTAssertEqual(built.entry(forKey: key)?.value.scalar?.value, last)
            }
            XCTAssertNil(built["missing"])
            XCTAssertEqual(built.keys, keys)
        }
    }

    func testNonScalarKeysAreKeptButNotFound() throws {
        var source = "{[a]: 1, b: 2}"
        for index in 0..<20 { source = String(source.dropLast()) + ", k\(index): \(index)}" }
        let root = try parseRoot(source)
        XCTAssertEqual(root.mapping?.count, 22)
        XCTAssertEqual(root["b"]?.scalar?.value, "2")
        XCTAssertEqual(root["k19"]?.scalar?.value, "19")
        XCTAssertNil(root["a"])
    }

    func testDuplicateKeysWarnAndTheLastWinsInLargeMappings() throws {
        let lines = (0..<20).map { "k\($0): \($0)" } + ["k3: again"]
        let document = try parse(lines.joined(separator: "\n"))
        XCTAssertEqual(document.root["k3"]?.scalar?.value, "again")
        XCTAssertEqual(document.warnings.count, 1)
    }
}
