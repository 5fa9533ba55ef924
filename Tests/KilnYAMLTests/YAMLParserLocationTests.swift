import KilnDiagnostics
import KilnYAML
import XCTest

final class YAMLParserLocationTests: XCTestCase {
    private let document = """
        openapi: 3.1.0
        info:
          title: "Kiln"
          tags: [a, {b: c}]
        list:
          - one
          - key: v
        """

    func testRootAndMappingKeysAndValues() throws {
        let root = try parseRoot(document)
        XCTAssertEqual(root.location, location(1, 1))
        let mapping = try XCTUnwrap(root.mapping)
        XCTAssertEqual(mapping.entry(forKey: "openapi")?.key.location, location(1, 1))
        XCTAssertEqual(root["openapi"]?.location, location(1, 10))
        XCTAssertEqual(mapping.entry(forKey: "info")?.key.location, location(2, 1))
        XCTAssertEqual(root["info"]?.location, location(3, 3))
        XCTAssertEqual(root["info"]?.mapping?.entry(forKey: "title")?.key.location, location(3, 3))
        XCTAssertEqual(root["info"]?["title"]?.location, location(3, 10))
    }

    func testNestedFlowCollections() throws {
        let tags = try XCTUnwrap(parseRoot(document)["info"]?["tags"])
        XCTAssertEqual(tags.location, location(4, 9))
        let items = try XCTUnwrap(tags.sequence)
        XCTAssertEqual(items.count, 2)
        XCTAssertEqual(items[0].location, location(4, 10))
        XCTAssertEqual(items[1].location, location(4, 13))
        XCTAssertEqual(items[1].mapping?.entry(forKey: "b")?.key.location, location(4, 14))
        XCTAssertEqual(items[1]["b"]?.location, location(4, 17))
    }

    func testSequenceItems() throws {
        let list = try XCTUnwrap(parseRoot(document)["list"])
        XCTAssertEqual(list.location, location(6, 3))
        XCTAssertEqual(list.sequence?[0].location, location(6, 5))
        XCTAssertEqual(list.sequence?[1].location, location(7, 5))
        XCTAssertEqual(list.sequence?[1]["key"]?.location, location(7, 10))
    }

    func testColumnsCountCharactersNotBytes() throws {
        // "é" is 2 bytes and "😀" 4 bytes in UTF-8, but each is one column.
        let root = try parseRoot("é😀: x\nk: {name: \"é😀\", k: v}\n")
        XCTAssertEqual(root["é😀"]?.location, location(1, 5))
        XCTAssertEqual(root["k"]?["name"]?.location, location(2, 11))
        XCTAssertEqual(root["k"]?.mapping?.entry(forKey: "k")?.key.location, location(2, 17))
        XCTAssertEqual(root["k"]?["k"]?.location, location(2, 20))
    }

    func testWindowsLineEndings() throws {
        let root = try parseRoot("a: 1\r\nb:\r\n  - x\r\n")
        XCTAssertEqual(root.mapping?.entry(forKey: "b")?.key.location, location(2, 1))
        XCTAssertEqual(root["b"]?.sequence?.first?.location, location(3, 5))
        XCTAssertEqual(root["a"]?.string, "1")
    }

    func testByteOrderMarkDoesNotShiftColumns() throws {
        let root = try YAMLParser.parse([0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8), file: testFile).root
        XCTAssertEqual(root.mapping?.entry(forKey: "a")?.key.location, location(1, 1))
        XCTAssertEqual(root["a"]?.location, location(1, 4))
    }

    func testLocationsUseTheGivenFileName() throws {
        let root = try YAMLParser.parse("a: 1", file: "specs/api.yaml").root
        XCTAssertEqual(root["a"]?.location.description, "specs/api.yaml:1:4")
    }

    func testBlockScalarStartsAtItsIndicator() throws {
        let root = try parseRoot("text: |\n  hello\n")
        XCTAssertEqual(root["text"]?.location, location(1, 7))
    }
}
