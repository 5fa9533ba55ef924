import KilnDiagnostics
import KilnYAML
import XCTest

final class YAMLParserInputTests: XCTestCase {
    func testEmptyInputIsANullRootAtTheStart() throws {
        for text in ["", "# only a comment\n", "\n\n"] {
            let document = try parse(text)
            XCTAssertEqual(document.root.isNull, true, text.debugDescription)
            XCTAssertEqual(document.root.location, location(1, 1), text.debugDescription)
            XCTAssertEqual(document.warnings, [])
        }
        XCTAssertEqual(try YAMLParser.parse([UInt8](), file: testFile).root.isNull, true)
        // An explicit but empty document: libyaml places the empty scalar after the marker.
        XCTAssertEqual(try parseRoot("---\n").isNull, true)
    }

    func testJSON() throws {
        let root = try parseRoot("""
            {
              "name": "caf\\u00e9 \\/ \\"q\\" \\\\ \\n",
              "n": 1.5, "i": -3, "t": true, "f": false, "z": null,
              "arr": [1, "x", {"k": []}]
            }
            """)
        XCTAssertEqual(root.mapping?.keys, ["name", "n", "i", "t", "f", "z", "arr"])
        XCTAssertEqual(root["name"]?.string, "café / \"q\" \\ \n")
        XCTAssertEqual(root["name"]?.location, location(2, 11))
        XCTAssertEqual(root["n"]?.double, 1.5)
        XCTAssertEqual(root["i"]?.int, -3)
        XCTAssertEqual(root["t"]?.bool, true)
        XCTAssertEqual(root["f"]?.bool, false)
        XCTAssertEqual(root["z"]?.isNull, true)
        XCTAssertEqual(root["arr"]?.sequence?.count, 3)
        XCTAssertEqual(root["arr"]?.sequence?[2]["k"]?.sequence, [])
    }

    func testJSONWithoutSpaceAfterColon() throws {
        let root = try parseRoot(#"{"a":1,"b":"x","c":{"d":[true,null]}}"#)
        XCTAssertEqual(root["a"]?.int, 1)
        XCTAssertEqual(root["b"]?.string, "x")
        XCTAssertEqual(root["c"]?["d"]?.sequence?.count, 2)
    }

    /// libyaml (YAML 1.1) rejects JSON's surrogate-pair escapes; they are rewritten, locations kept.
    func testJSONSurrogatePairEscapes() throws {
        let root = try parseRoot(#"{"a": "x\ud83d\ude00y\uD83D\uDE01", "b": "\\ud83d", "c": 1}"#)
        XCTAssertEqual(root["a"]?.string, "x😀y😁")
        XCTAssertEqual(root["b"]?.string, "\\ud83d")
        // Columns after the rewritten escapes are those of the original text.
        XCTAssertEqual(root.mapping?.entry(forKey: "b")?.key.location, location(1, 37))
        XCTAssertEqual(root["c"]?.location, location(1, 58))
    }

    func testSurrogatePairEscapesInYAMLKeepOtherContextsLiteral() throws {
        let root = try parseRoot(#"""
            plain: a\ud83d\ude00
            single: 'b\ud83d\ude00'
            double: "c\ud83d\ude00" # comment \ud83d\ude00
            after: "\ud83d\ude02" 
            block: |
              d\ud83d\ude00
            """#)
        XCTAssertEqual(root["plain"]?.string, #"a\ud83d\ude00"#)
        XCTAssertEqual(root["single"]?.string, #"b\ud83d\ude00"#)
        XCTAssertEqual(root["double"]?.string, "c😀")
        XCTAssertEqual(root["after"]?.string, "😂")
        XCTAssertEqual(root["block"]?.string, "d\\ud83d\\ude00")
        XCTAssertEqual(root["block"]?.location, location(5, 8))
    }

    func testSeveralRewrittenEscapesOnOneLineOfYAML() throws {
        let root = try parseRoot(#"""
            list: [&x "\ud83d\ude00", !!str "\ud83d\ude01\ud83d\ude02", '\ud83d\ude00', z]
            next: "\ud83d\ude03"
            """#)
        let items = try XCTUnwrap(root["list"]?.sequence)
        XCTAssertEqual(items.map(\.string), ["😀", "😁😂", #"\ud83d\ude00"#, "z"])
        // A node with an anchor or tag starts at it; all columns are those of the original text.
        XCTAssertEqual(items.map(\.location.column), [8, 27, 61, 77])
        XCTAssertEqual(root["next"]?.location, location(2, 7))
    }

    func testLoneSurrogateEscapeIsAnError() throws {
        let error = try XCTUnwrap(parseError(#"{"a": "x\ud83dy"}"#))
        XCTAssertEqual(error.location, location(1, 11))
        XCTAssertTrue(error.message.hasPrefix("found invalid Unicode character escape code"), error.message)
        XCTAssertTrue(error.message.contains("surrogate"), error.message)
    }

    func testErrorAfterRewrittenEscapeHasOriginalColumn() throws {
        // A scanner error (found while locating the quoted scalars).
        let scanner = try XCTUnwrap(parseError(#"{"a": "\ud83d\ude00", "b": @}"#))
        XCTAssertEqual(scanner.location, location(1, 28))
        XCTAssertTrue(scanner.message.hasPrefix("found character '@'"), scanner.message)
        // A grammar error (found by the parse of the rewritten text).
        let grammar = try XCTUnwrap(parseError(#"{"a": "\ud83d\ude00" "b"}"#))
        XCTAssertEqual(grammar.location, location(1, 22))
        // A lone surrogate after a valid pair is reported where it is.
        let lone = try XCTUnwrap(parseError(#"{"a": "\ud83d\ude00", "b": "\ud83d"}"#))
        XCTAssertEqual(lone.location, location(1, 31))
    }

    func testUTF16AndUTF32WithByteOrderMark() throws {
        let text = "a: é😀\nb: [1, 2]\n"
        let utf16 = Array(text.utf16)
        let utf32 = text.unicodeScalars.map(\.value)
        let inputs: [(String, [UInt8])] = [
            ("UTF-16LE", [0xFF, 0xFE] + utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
            ("UTF-16BE", [0xFE, 0xFF] + utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }),
            ("UTF-32LE", [0xFF, 0xFE, 0, 0] + utf32.flatMap { value in (0..<4).map { UInt8((value >> ($0 * 8)) & 0xFF) } }),
            ("UTF-32BE", [0, 0, 0xFE, 0xFF] + utf32.flatMap { value in (0..<4).reversed().map { UInt8((value >> ($0 * 8)) & 0xFF) } }),
        ]
        for (name, bytes) in inputs {
            let root = try YAMLParser.parse(bytes, file: testFile).root
            XCTAssertEqual(root["a"]?.string, "é😀", name)
            XCTAssertEqual(root["b"]?.sequence?.count, 2, name)
            XCTAssertEqual(root["b"]?.location, location(2, 4), name)
        }
    }

    func testInvalidUTF16() throws {
        // "a: " then a lone high surrogate.
        let error = try XCTUnwrap(parseError(bytes: [0xFF, 0xFE, 0x61, 0, 0x3A, 0, 0x20, 0, 0x3D, 0xD8]))
        XCTAssertEqual(error.message, "the text is not valid UTF-16")
        XCTAssertEqual(error.location, location(1, 4))
        let odd = try XCTUnwrap(parseError(bytes: [0xFE, 0xFF, 0, 0x61, 0]))
        XCTAssertEqual(odd.message, "the text is not valid UTF-16")
    }

    func testParseFileWithDisplayPath() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-yaml-\(UUID().uuidString).yaml")
        try Data("a: 1\nb: [x]\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let document = try YAMLParser.parse(contentsOfFile: url.path, displayPath: "api.yaml")
        XCTAssertEqual(document.root["b"]?.location, SourceLocation(file: "api.yaml", line: 2, column: 4))
        let undisplayed = try YAMLParser.parse(contentsOfFile: url.path)
        XCTAssertEqual(undisplayed.root["a"]?.location.file, url.path)
    }

    func testUnreadableFile() throws {
        let path = "/nonexistent/kiln/missing.yaml"
        do {
            _ = try YAMLParser.parse(contentsOfFile: path)
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual(error.diagnostics.count, 1)
            let diagnostic = try XCTUnwrap(error.diagnostics.first)
            XCTAssertEqual(diagnostic.severity, .error)
            XCTAssertNil(diagnostic.location)
            XCTAssertEqual(diagnostic.message, "cannot read '\(path)': no such file")
            XCTAssertEqual(diagnostic.description, "kiln: error: cannot read '\(path)': no such file")
        }
    }

    func testDirectoryIsUnreadable() throws {
        do {
            _ = try YAMLParser.parse(contentsOfFile: FileManager.default.temporaryDirectory.path, displayPath: "tmp")
            XCTFail("expected an error")
        } catch {
            XCTAssertNil(error.diagnostics.first?.location)
            XCTAssertEqual(error.diagnostics.first?.message, "cannot read 'tmp': it is a directory")
        }
    }
}
