import KilnTemplates
import XCTest

final class TemplateKeysTests: XCTestCase {
    func testEveryNameIsFoundAtItsSlotAndOthersAreNot() {
        // Enough names that buckets collide and probing wraps around the table.
        let names = (0..<200).map { "member\($0)" } + ["a", "b", "wrapsInitArguments", "é", ""]
        let keys = TemplateKeys(names)
        for (slot, name) in names.enumerated() {
            XCTAssertEqual(keys.slot(of: name, hash: TemplateKeys.hash(name)), slot, name)
        }
        for missing in ["member200", "A", "c", "wrapsInitArgument", "e"] {
            XCTAssertNil(keys.slot(of: missing, hash: TemplateKeys.hash(missing)), missing)
        }
    }

    func testTheFirstOfTwoMembersWithOneNameWins() {
        let keys = TemplateKeys(["name", "doc", "name"])
        XCTAssertEqual(keys.slot(of: "name", hash: TemplateKeys.hash("name")), 0)
        let object = TemplateObject(keys: keys, values: ["first", .null, "second"])
        XCTAssertEqual(object["name"], "first")
        XCTAssertEqual(object.dictionary, ["name": "first", "doc": .null])
    }

    func testAnEmptyTableFindsNothing() {
        let keys = TemplateKeys([])
        XCTAssertNil(keys.slot(of: "x", hash: TemplateKeys.hash("x")))
        XCTAssertFalse(TemplateValue.object(TemplateObject(keys: keys, values: [])).isTruthy)
    }

    func testAModelReadsLikeADictionaryInTemplates() throws {
        let keys = TemplateKeys(["name", "items"])
        let object = TemplateValue.object(TemplateObject(keys: keys, values: ["Pet", ["a", "b"]]))
        let environment = TemplateEnvironment(loader: DictionaryTemplateLoader([
            "t": #"{{ m.name }} {{ m.items|count }} {{ m|count }}{% if "name" in m %} has name{% endif %}{% for k, v in m %} {{ k }}{% endfor %}"#,
        ]))
        XCTAssertEqual(try environment.render(templateNamed: "t", context: ["m": object]), "Pet 2 2 has name items name")
        XCTAssertThrowsError(try environment.render(templateNamed: "t", context: ["m": .object(TemplateObject(keys: TemplateKeys(["items"]), values: [[]]))])) { error in
            XCTAssertTrue("\(error)".contains("'m' has no member 'name'"), "\(error)")
        }
    }
}
