import KilnDiagnostics
import KilnYAML
import XCTest

final class YAMLParserScalarTests: XCTestCase {
    func testScalarStylesAndValues() throws {
        let root = try parseRoot("""
            plain: hello world
            single: 'it''s'
            double: "tab\\there\\u00e9 \\"q\\""
            literal: |
              line1
              line2
            folded: >
              folded
              text
            keep: |+
              kept

            strip: >-
              stripped
            """)
        XCTAssertEqual(root["plain"]?.scalar, YAMLScalar("hello world", style: .plain))
        XCTAssertEqual(root["single"]?.scalar, YAMLScalar("it's", style: .singleQuoted))
        XCTAssertEqual(root["double"]?.scalar, YAMLScalar("tab\there\u{e9} \"q\"", style: .doubleQuoted))
        XCTAssertEqual(root["literal"]?.scalar, YAMLScalar("line1\nline2\n", style: .literal))
        XCTAssertEqual(root["folded"]?.scalar, YAMLScalar("folded text\n", style: .folded))
        XCTAssertEqual(root["keep"]?.scalar, YAMLScalar("kept\n\n", style: .literal))
        XCTAssertEqual(root["strip"]?.scalar, YAMLScalar("stripped", style: .folded))
    }

    func testMultiLinePlainAndQuotedScalarsFold() throws {
        let root = try parseRoot("a: one\n  two\nb: \"x\n  y\"\n")
        XCTAssertEqual(root["a"]?.string, "one two")
        XCTAssertEqual(root["b"]?.string, "x y")
    }

    func testCoreSchemaTagsExpandToFullForm() throws {
        let root = try parseRoot("""
            s: !!str 123
            i: !!int "42"
            m: !!map {a: 1}
            q: !!seq [1]
            plain: 123
            """)
        XCTAssertEqual(root["s"]?.tag, "tag:yaml.org,2002:str")
        XCTAssertEqual(root["s"]?.isStringScalar, true)
        XCTAssertNil(root["s"]?.int)
        XCTAssertEqual(root["i"]?.tag, YAMLNode.intTag)
        XCTAssertEqual(root["i"]?.int, 42)
        XCTAssertEqual(root["m"]?.tag, "tag:yaml.org,2002:map")
        XCTAssertEqual(root["q"]?.tag, "tag:yaml.org,2002:seq")
        XCTAssertNil(root["plain"]?.tag)
        XCTAssertEqual(root["plain"]?.int, 123)
    }

    func testLocalVerbatimAndDirectiveTags() throws {
        let root = try parseRoot("""
            %TAG !e! tag:example.com,2024:
            ---
            local: !foo bar
            verbatim: !<tag:example.com,2024:x> y
            handle: !e!thing 1
            """)
        XCTAssertEqual(root["local"]?.tag, "!foo")
        XCTAssertEqual(root["local"]?.string, "bar")
        XCTAssertEqual(root["verbatim"]?.tag, "tag:example.com,2024:x")
        XCTAssertEqual(root["handle"]?.tag, "tag:example.com,2024:thing")
    }

    func testUntaggedAndNonSpecificTags() throws {
        let root = try parseRoot("""
            quoted: "123"
            bang: ! 123
            bangQuoted: ! "x"
            bangMap: ! {a: 1}
            """)
        // Quoted scalars stay untagged: their style already says "string".
        XCTAssertNil(root["quoted"]?.tag)
        XCTAssertEqual(root["quoted"]?.isStringScalar, true)
        // YAML makes `! 123` a string; for a plain scalar the tag is the only way to say so.
        XCTAssertEqual(root["bang"]?.tag, YAMLNode.stringTag)
        XCTAssertEqual(root["bang"]?.isStringScalar, true)
        XCTAssertNil(root["bang"]?.int)
        XCTAssertNil(root["bangQuoted"]?.tag)
        XCTAssertNil(root["bangMap"]?.tag)
    }

    func testCoreSchemaHelpers() throws {
        let root = try parseRoot("""
            t: true
            f: False
            qt: "true"
            n1: null
            n2: ~
            n3:
            qn: "null"
            i: -42
            hex: 0x1F
            oct: 0o17
            d: 1.5e3
            inf: -.inf
            s: hello
            """)
        XCTAssertEqual(root["t"]?.bool, true)
        XCTAssertEqual(root["f"]?.bool, false)
        XCTAssertEqual(root["t"]?.isStringScalar, false)
        XCTAssertNil(root["qt"]?.bool)
        XCTAssertEqual(root["qt"]?.isStringScalar, true)
        XCTAssertEqual(root["qt"]?.string, "true")
        for key in ["n1", "n2", "n3"] {
            XCTAssertEqual(root[key]?.isNull, true, key)
            XCTAssertNil(root[key]?.string, key)
        }
        XCTAssertEqual(root["n3"]?.kindDescription, "null")
        XCTAssertEqual(root["qn"]?.isNull, false)
        XCTAssertEqual(root["qn"]?.isStringScalar, true)
        XCTAssertEqual(root["i"]?.int, -42)
        XCTAssertEqual(root["hex"]?.int, 31)
        XCTAssertEqual(root["oct"]?.int, 15)
        XCTAssertEqual(root["d"]?.double, 1500)
        XCTAssertNil(root["d"]?.int)
        XCTAssertEqual(root["inf"]?.double, -.infinity)
        XCTAssertEqual(root["s"]?.isStringScalar, true)
        XCTAssertNil(root["s"]?.double)
    }

    func testMappingOrderAndComplexKeys() throws {
        let root = try parseRoot("z: 1\na: 2\nm: 3\n? [x, y]\n: seq\n")
        let mapping = try XCTUnwrap(root.mapping)
        XCTAssertEqual(mapping.keys, ["z", "a", "m"])
        XCTAssertEqual(mapping.count, 4)
        XCTAssertEqual(mapping.entries[3].key.sequence?.compactMap(\.string), ["x", "y"])
        XCTAssertEqual(mapping.entries[3].value.string, "seq")
    }
}
