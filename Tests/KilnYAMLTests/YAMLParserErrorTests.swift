import KilnDiagnostics
import KilnYAML
import XCTest

final class YAMLParserErrorTests: XCTestCase {
    func testUnclosedQuote() throws {
        let error = try XCTUnwrap(parseError("a: \"abc\nb: 1\n"))
        XCTAssertEqual(error.location, location(3, 1))
        XCTAssertEqual(
            error.message,
            "found unexpected end of stream while scanning a quoted scalar that started at line 1, column 4"
        )
        XCTAssertEqual(error.description, "t.yaml:3:1: error: " + error.message)
    }

    func testTabIndentation() throws {
        let error = try XCTUnwrap(parseError("a:\n\tb: 1\n"))
        XCTAssertEqual(error.location, location(2, 1))
        XCTAssertEqual(error.message, "found character that cannot start any token (tabs are not allowed for indentation)")
    }

    func testTabAfterIndentation() throws {
        let error = try XCTUnwrap(parseError("a:\n  b: 1\n\tc: 2\n"))
        XCTAssertEqual(error.location, location(3, 1))
        XCTAssertTrue(error.message.hasPrefix("found a tab character that violates indentation"), error.message)
    }

    func testBadIndentation() throws {
        let error = try XCTUnwrap(parseError("a:\n  b: 1\n c: 2\n"))
        XCTAssertEqual(error.location, location(3, 2))
        XCTAssertEqual(
            error.message,
            "did not find expected key while parsing a block mapping that started at line 1, column 1 (check the indentation)"
        )
    }

    func testMappingValueInPlainScalar() throws {
        let error = try XCTUnwrap(parseError("a: b: c\n"))
        XCTAssertEqual(error.location, location(1, 5))
        XCTAssertTrue(error.message.hasPrefix("mapping values are not allowed in this context ("), error.message)
    }

    func testUnclosedFlowSequence() throws {
        let error = try XCTUnwrap(parseError("a: [1, 2"))
        XCTAssertEqual(error.location, location(2, 1))
        XCTAssertEqual(
            error.message,
            "did not find expected ',' or ']' while parsing a flow sequence that started at line 1, column 4"
        )
    }

    func testUnknownEscapeNamesTheCharacter() throws {
        let error = try XCTUnwrap(parseError("k: \"a\\qb\"\n"))
        XCTAssertEqual(error.location, location(1, 6))
        XCTAssertTrue(error.message.hasPrefix("found unknown escape character 'q' after '\\'"), error.message)
    }

    func testReservedIndicator() throws {
        let error = try XCTUnwrap(parseError("a: @x\n"))
        XCTAssertEqual(error.location, location(1, 4))
        XCTAssertTrue(error.message.hasPrefix("found character '@' that cannot start any token"), error.message)
    }

    func testInvalidUTF8() throws {
        let error = try XCTUnwrap(parseError(bytes: Array("a: 1\nx: ".utf8) + [0xFF, 0x0A]))
        XCTAssertEqual(error.location, location(2, 4))
        XCTAssertEqual(error.message, "the text is not valid UTF-8 (invalid leading UTF-8 octet)")
    }

    func testTruncatedUTF8SequenceIsReportedAtItsFirstByte() throws {
        let error = try XCTUnwrap(parseError(bytes: Array("é: ".utf8) + [0xC3, 0x0A]))
        XCTAssertEqual(error.location, location(1, 4))
        XCTAssertEqual(error.message, "the text is not valid UTF-8 (invalid trailing UTF-8 octet)")
    }

    func testNULCharacter() throws {
        let error = try XCTUnwrap(parseError("a: 1\nb: x\u{0}y\n"))
        XCTAssertEqual(error.location, location(2, 5))
        XCTAssertEqual(error.message, "a NUL character (U+0000) is not allowed in YAML text")
    }

    func testOtherControlCharacter() throws {
        let error = try XCTUnwrap(parseError("a: \u{7}"))
        XCTAssertEqual(error.message, "the control character U+0007 is not allowed in YAML text")
    }

    func testMultipleDocuments() throws {
        let error = try XCTUnwrap(parseError("a: 1\n---\nb: 2\n"))
        XCTAssertEqual(error.location, location(2, 1))
        XCTAssertEqual(error.message, "multiple YAML documents in one file are not supported")
    }

    func testExplicitSingleDocumentIsFine() throws {
        let root = try parseRoot("---\na: 1\n...\n")
        XCTAssertEqual(root["a"]?.int, 1)
    }

    func testDeepNestingIsAnErrorNotACrash() throws {
        let text = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        let error = try XCTUnwrap(parseError(text))
        XCTAssertEqual(error.location, location(1, 1001))
        XCTAssertEqual(error.message, "nesting is deeper than the limit of 1000 levels")
    }

    func testNestingUpToTheLimitParses() throws {
        let text = String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000)
        var node = try parseRoot(text)
        var depth = 1
        while let first = node.sequence?.first {
            node = first
            depth += 1
        }
        XCTAssertEqual(depth, 1000)
    }

    func testCustomDepthLimitInBlockStyle() throws {
        let error = try XCTUnwrap(parseError("a:\n  b:\n    c: 1\n", limits: .init(maxDepth: 2)))
        XCTAssertEqual(error.location, location(3, 5))
    }

    func testDuplicateKeyIsAWarningAndLastWins() throws {
        let document = try parse("a: 1\nb: 2\na: 3\nnested:\n  x: 1\n  x: 2\n")
        XCTAssertEqual(document.root["a"]?.int, 3)
        XCTAssertEqual(document.root.mapping?.count, 4)
        XCTAssertEqual(document.warnings.map(\.description), [
            "t.yaml:3:1: warning: duplicate key 'a' (first defined at t.yaml:1:1)",
            "t.yaml:6:3: warning: duplicate key 'x' (first defined at t.yaml:5:3)",
        ])
        XCTAssertEqual(document.warnings.first?.severity, .warning)
        XCTAssertEqual(document.warnings.first?.location, location(3, 1))
    }

    func testThirdDuplicatePointsAtTheFirstDefinition() throws {
        let document = try parse("{a: 1, a: 2, a: 3}")
        XCTAssertEqual(document.warnings.map(\.message), [
            "duplicate key 'a' (first defined at t.yaml:1:2)",
            "duplicate key 'a' (first defined at t.yaml:1:2)",
        ])
    }

    /// Random damage to a real document must give a result or a diagnostic, never a crash.
    func testDamagedInputNeverCrashes() throws {
        let base = Array("""
            openapi: 3.1.0
            info: {title: "Kiln \\u00e9", version: '1'}
            paths:
              /a: &p
                get: {responses: {"200": {description: ok}}}
              /b: *p
              /c: {<<: *p}
            list: [1, 2.5, true, null, ~, |
              text]
            """.utf8)
        let noise: [UInt8] = [0x00, 0x09, 0x0A, 0x22, 0x27, 0x5B, 0x7B, 0x2A, 0x26, 0x21, 0x3A, 0xFF, 0xC3, 0xE2, 0x5C, 0x7C]
        var generator = SplitMix64(seed: 42)
        var failures = 0
        for _ in 0..<2000 {
            var bytes = base
            for _ in 0..<Int(generator.next() % 4 + 1) {
                let index = Int(generator.next() % UInt64(bytes.count))
                bytes[index] = noise[Int(generator.next() % UInt64(noise.count))]
            }
            do {
                _ = try YAMLParser.parse(bytes, file: testFile)
            } catch {
                failures += 1
                XCTAssertEqual(error.diagnostics.count, 1)
                XCTAssertNotNil(error.diagnostics.first?.location, "\(error)")
            }
        }
        XCTAssertGreaterThan(failures, 0)
    }
}

/// A tiny deterministic generator, so the damage test is reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
