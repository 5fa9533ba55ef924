import KilnGenerator
import KilnIR
import XCTest

/// Schema `default`s become initializer defaults where Swift can spell them as a literal of the
/// property's type; the rest stay documentation only.
final class DefaultValueTests: XCTestCase {
    func testDefaultsReadAgainstThePropertyType() throws {
        let result = try LoweredSpec(paths: "{}", components: """
            schemas:
              Sort:
                type: string
                enum: [ascending, descending]
              Limit:
                type: integer
              Query:
                type: object
                properties:
                  name: {type: string, default: "any \\"one\\""}
                  limit: {allOf: [{$ref: '#/components/schemas/Limit'}], default: 20}
                  ratio: {type: number, default: 0.50}
                  exact: {type: boolean, default: false}
                  sort: {allOf: [{$ref: '#/components/schemas/Sort'}], default: descending}
                  inline: {type: string, enum: [a, b-c], default: b-c}
                  tags: {type: array, items: {type: string}, default: []}
                  since: {type: string, format: date-time, default: "2020-01-01T00:00:00Z"}
                  wrong: {allOf: [{$ref: '#/components/schemas/Sort'}], default: sideways}
                  nested: {type: object, properties: {a: {type: integer}}, default: {a: 1}}
                  none: {type: string}
            """).lower()
        let query = try XCTUnwrap(result.module.types.first { $0.name == "Query" })
        guard case .object(let object) = query.kind else { return XCTFail("Query is not an object") }
        let defaults = Dictionary(uniqueKeysWithValues: object.properties.map { ($0.jsonName, $0.defaultValue) })
        XCTAssertEqual(defaults["name"], .string("any \"one\""))
        XCTAssertEqual(defaults["limit"], .integer(20), "through an alias")
        XCTAssertEqual(defaults["ratio"], .number("0.50"), "as written")
        XCTAssertEqual(defaults["exact"], .boolean(false))
        XCTAssertEqual(defaults["inline"], .enumCase("bC"))
        XCTAssertEqual(defaults["tags"], .emptyArray)
        XCTAssertEqual(defaults["since"], .some(nil), "a date has no literal")
        XCTAssertEqual(defaults["wrong"], .some(nil), "not a case of the enum")
        XCTAssertEqual(defaults["nested"], .some(nil), "objects have no literal")
        XCTAssertEqual(defaults["none"], .some(nil))
        XCTAssertEqual(defaults["sort"], .enumCase("descending"))
    }

    /// A `number` default is spelled as written when Swift reads it the same, else as the value's
    /// decimal form; infinity, NaN and integers outside their type have no literal.
    func testNumberDefaultsAreSwiftLiterals() throws {
        let result = try LoweredSpec(paths: "{}", components: """
            schemas:
              Numbers:
                type: object
                properties:
                  written: {type: number, default: 0.50}
                  exponent: {type: number, default: -1E-3}
                  whole: {type: number, default: 7}
                  plus: {type: number, default: +12.5}
                  pointExponent: {type: number, default: 1.e5}
                  hex: {type: number, default: 0x1F}
                  huge: {type: number, default: 123456789012345678901234567890}
                  infinity: {type: number, default: .inf}
                  notANumber: {type: number, default: .nan}
                  small: {type: integer, format: int32, default: -2147483648}
                  tooLarge: {type: integer, format: int32, default: 3000000000}
            """).lower()
        let numbers = try XCTUnwrap(result.module.types.first { $0.name == "Numbers" })
        guard case .object(let object) = numbers.kind else { return XCTFail("Numbers is not an object") }
        let defaults = Dictionary(uniqueKeysWithValues: object.properties.map { ($0.jsonName, $0.defaultValue) })
        XCTAssertEqual(defaults["written"], .number("0.50"))
        XCTAssertEqual(defaults["exponent"], .number("-1E-3"))
        XCTAssertEqual(defaults["whole"], .number("7"))
        XCTAssertEqual(defaults["plus"], .number("12.5"))
        XCTAssertEqual(defaults["pointExponent"], .number("100000.0"))
        XCTAssertEqual(defaults["hex"], .number("31.0"))
        XCTAssertEqual(defaults["huge"], .number("1.2345678901234568e+29"))
        XCTAssertEqual(defaults["infinity"], .some(nil))
        XCTAssertEqual(defaults["notANumber"], .some(nil))
        XCTAssertEqual(defaults["small"], .integer(-2_147_483_648))
        XCTAssertEqual(defaults["tooLarge"], .some(nil), "outside Int32")
    }

    /// The initializer goes one parameter per line past 80 columns, counting the default as spelled:
    /// `name: String? = "…"` is 18 columns plus the literal's text, and a quote is spelled `\"`.
    func testInitializerWidthCountsTheDefaultAsSpelled() throws {
        let fits = String(repeating: "a", count: 60) + "\""
        let overflows = String(repeating: "a", count: 61) + "\""
        let generation = try LoweredSpec(paths: "{}", components: """
            schemas:
              Fits:
                type: object
                properties:
                  name: {type: string, default: '\(fits)'}
              Overflows:
                type: object
                properties:
                  name: {type: string, default: '\(overflows)'}
            """).generate()
        let fitsFile = try XCTUnwrap(generation.files.first { $0.path == "Models/Fits.swift" }).contents
        let inline = #"    public init(name: String? = "\#(String(repeating: "a", count: 60))\"") {"#
        XCTAssertEqual(inline.count - "    public init(".count - ") {".count, 80)
        XCTAssertTrue(fitsFile.contains(inline + "\n"), fitsFile)
        let overflowsFile = try XCTUnwrap(generation.files.first { $0.path == "Models/Overflows.swift" }).contents
        XCTAssertTrue(overflowsFile.contains("    public init(\n        name: String? = \""), overflowsFile)
    }
}
