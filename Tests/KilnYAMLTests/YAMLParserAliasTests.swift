import KilnDiagnostics
import KilnYAML
import XCTest

final class YAMLParserAliasTests: XCTestCase {
    func testAliasCopiesTheAnchoredNodeAtTheAliasLocation() throws {
        let root = try parseRoot("""
            base: &base {x: 1, y: [a, b]}
            copy: *base
            name: &n hello
            again: *n
            """)
        let base = try XCTUnwrap(root["base"])
        let copy = try XCTUnwrap(root["copy"])
        XCTAssertEqual(base.anchor, "base")
        XCTAssertEqual(copy.content, base.content)
        XCTAssertEqual(copy.anchor, "base")
        XCTAssertEqual(base.location, location(1, 7))
        XCTAssertEqual(copy.location, location(2, 7))
        // Nodes inside the copy still point at their definition.
        XCTAssertEqual(copy["x"]?.location, location(1, 17))
        XCTAssertEqual(root["again"]?.string, "hello")
        XCTAssertEqual(root["again"]?.location, location(4, 8))
    }

    func testAnchorCanBeRedefined() throws {
        let root = try parseRoot("a: &x 1\nb: *x\nc: &x 2\nd: *x\n")
        XCTAssertEqual(root["b"]?.int, 1)
        XCTAssertEqual(root["d"]?.int, 2)
    }

    func testMergeKeyAddsMissingEntriesInPlaceOfTheMergeKey() throws {
        let document = try parse("""
            defaults: &defaults
              adapter: postgres
              host: localhost
            dev:
              database: dev
              <<: *defaults
              host: devhost
            """)
        XCTAssertEqual(document.warnings, [])
        let dev = try XCTUnwrap(document.root["dev"]?.mapping)
        XCTAssertEqual(dev.keys, ["database", "adapter", "host"])
        XCTAssertEqual(dev["host"]?.string, "devhost")
        XCTAssertEqual(dev["adapter"]?.string, "postgres")
        XCTAssertNil(dev["<<"])
        // Merged entries keep the location of their definition.
        XCTAssertEqual(dev.entry(forKey: "adapter")?.key.location, location(2, 3))
    }

    func testMergeOfASequenceOfMappingsEarlierWins() throws {
        let root = try parseRoot("""
            a: &a {x: 1, y: 1}
            b: &b {y: 2, z: 2}
            c:
              <<: [*a, *b, {w: 3}]
              z: 9
            """)
        let c = try XCTUnwrap(root["c"]?.mapping)
        XCTAssertEqual(c.keys, ["x", "y", "w", "z"])
        XCTAssertEqual(c["y"]?.int, 1)
        XCTAssertEqual(c["z"]?.int, 9)
    }

    func testQuotedMergeKeyIsAnOrdinaryKey() throws {
        let root = try parseRoot("a: &a {x: 1}\nb: {\"<<\": *a}\n")
        XCTAssertEqual(root["b"]?.mapping?.keys, ["<<"])
        XCTAssertEqual(root["b"]?["<<"]?["x"]?.int, 1)
    }

    func testMergeOfAScalarIsAnError() throws {
        let error = try XCTUnwrap(parseError("a:\n  <<: 1\n"))
        XCTAssertEqual(error.location, location(2, 7))
        XCTAssertEqual(error.message, "the merge key '<<' needs a mapping or a sequence of mappings, found a scalar")
    }

    func testUndefinedAlias() throws {
        let error = try XCTUnwrap(parseError("a: 1\nb: *nope\n"))
        XCTAssertEqual(error.location, location(2, 4))
        XCTAssertEqual(error.message, "undefined alias '*nope' (no anchor '&nope' before it)")
    }

    func testRecursiveAliasIsAnError() throws {
        let error = try XCTUnwrap(parseError("a: &a [1, *a]\n"))
        XCTAssertEqual(error.location, location(1, 11))
        XCTAssertTrue(error.message.contains("recursive"), error.message)
    }

    func testBillionLaughsFailsFast() throws {
        var lines = ["a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]"]
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for (previous, name) in zip(names, names.dropFirst()) {
            let aliases = Array(repeating: "*\(previous)", count: 10).joined(separator: ", ")
            lines.append("\(name): &\(name) [\(aliases)]")
        }
        let started = Date()
        let error = try XCTUnwrap(parseError(lines.joined(separator: "\n")))
        XCTAssertLessThan(Date().timeIntervalSince(started), 1, "must fail fast, not expand")
        XCTAssertEqual(
            error.message,
            "document expands to more than 5000000 nodes through aliases (a \"billion laughs\" document?)"
        )
        // Level g (line 7, 11,111,111 nodes) is the first whose expansion crosses 5,000,000 nodes.
        XCTAssertEqual(error.location?.line, 7)
    }

    func testNodeLimitCountsAliasExpansion() throws {
        let text = "a: &a [1, 2, 3]\nb: *a\n"
        XCTAssertNoThrow(try parse(text, limits: .init(maxNodes: 11)))
        let error = try XCTUnwrap(parseError(text, limits: .init(maxNodes: 10)))
        XCTAssertEqual(error.location, location(2, 4))
    }

    func testNodeLimitWithoutAliases() throws {
        let error = try XCTUnwrap(parseError("[1, 2, 3]", limits: .init(maxNodes: 3)))
        XCTAssertEqual(error.message, "document has more than 3 nodes")
        XCTAssertEqual(error.location, location(1, 8))
    }
}
