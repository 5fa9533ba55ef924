import KilnDiagnostics
@testable import KilnOpenAPI
import KilnYAML
import XCTest

/// Schemas in OpenAPI 3.0's dialect, and the keywords both versions share.
final class SchemaDecodingTests: XCTestCase {
    /// Decodes `components.schemas` of a 3.0 or 3.1 document written as the lines under `schemas:`.
    private func schemas(_ body: String, version: String = "3.0.3") throws -> OpenAPIDocument {
        let indented = body.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
        return try decode("""
            openapi: \(version)
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
            \(indented)
            """).document
    }

    func testObjectKeywordsKeepDocumentOrder() throws {
        let document = try schemas("""
            identity:
              type: object
              title: Identity
              description: A person.
              required: [id, traits]
              properties:
                id: {type: string, format: uuid, readOnly: true}
                traits: {type: object, additionalProperties: true}
                x-internal: {type: boolean}
                metadata_public:
                  type: object
                  nullable: true
                  additionalProperties: {type: string}
                secret: {type: string, writeOnly: true, deprecated: true}
              additionalProperties: false
              minProperties: 1
              maxProperties: 9
              x-go-type: Identity
              x-order: [1, 2]
            """)
        let identity = try XCTUnwrap(document.components.schemas["identity"]?.value)
        XCTAssertEqual(identity.types, ["object"])
        XCTAssertEqual(identity.title, "Identity")
        XCTAssertEqual(identity.required, ["id", "traits"])
        XCTAssertEqual(identity.properties.keys, ["id", "traits", "x-internal", "metadata_public", "secret"],
                       "property names starting with x- are properties, not extensions")
        XCTAssertEqual(identity.extensions.keys, ["x-go-type", "x-order"])
        XCTAssertEqual(identity.extensions["x-go-type"]?.string, "Identity")
        XCTAssertEqual(identity.minProperties, 1)
        XCTAssertEqual(identity.maxProperties, 9)
        guard case .allowed(false) = identity.additionalProperties else {
            return XCTFail("additionalProperties: false expected, got \(String(describing: identity.additionalProperties))")
        }
        let id = try XCTUnwrap(identity.properties["id"]?.value)
        XCTAssertEqual(id.format, "uuid")
        XCTAssertTrue(id.readOnly)
        XCTAssertEqual(id.source.pointer, "#/components/schemas/identity/properties/id")
        XCTAssertEqual(id.source.location, SourceLocation(file: testFile, line: 12, column: 13))

        let metadata = try XCTUnwrap(identity.properties["metadata_public"]?.value)
        XCTAssertTrue(metadata.nullable)
        XCTAssertTrue(metadata.isNullable)
        guard case .schema(let values)? = metadata.additionalProperties else { return XCTFail("schema expected") }
        XCTAssertEqual(values.value?.types, ["string"])
        let secret = try XCTUnwrap(identity.properties["secret"]?.value)
        XCTAssertTrue(secret.writeOnly && secret.deprecated)
    }

    func testValidationKeywordsAndBooleanExclusiveBounds() throws {
        let document = try schemas("""
            amount:
              type: number
              minimum: 0
              exclusiveMinimum: true
              maximum: 100.5
              exclusiveMaximum: false
              multipleOf: 0.5
            code:
              type: string
              minLength: 3
              maxLength: 8
              pattern: '^[A-Z]+$'
            list:
              type: array
              minItems: 1
              maxItems: 10
              uniqueItems: true
              items: {type: integer}
            untyped:
              description: anything goes
            """)
        let amount = try XCTUnwrap(document.components.schemas["amount"]?.value)
        XCTAssertNil(amount.minimum, "a 3.0 exclusive minimum moves into exclusiveMinimum")
        XCTAssertEqual(amount.exclusiveMinimum, 0)
        XCTAssertEqual(amount.maximum, 100.5)
        XCTAssertNil(amount.exclusiveMaximum)
        XCTAssertEqual(amount.multipleOf, 0.5)
        let code = try XCTUnwrap(document.components.schemas["code"]?.value)
        XCTAssertEqual([code.minLength, code.maxLength], [3, 8])
        XCTAssertEqual(code.pattern, "^[A-Z]+$")
        let list = try XCTUnwrap(document.components.schemas["list"]?.value)
        XCTAssertEqual([list.minItems, list.maxItems], [1, 10])
        XCTAssertTrue(list.uniqueItems)
        XCTAssertEqual(list.items?.value?.types, ["integer"])
        XCTAssertEqual(document.components.schemas["untyped"]?.value?.types, [])
    }

    func testLiteralsAreSpecValues() throws {
        let document = try schemas("""
            state:
              type: string
              enum: [active, inactive, "null", null]
              default: active
              example: inactive
            nothing:
              default: null
            """)
        let state = try XCTUnwrap(document.components.schemas["state"]?.value)
        let values = try XCTUnwrap(state.enumValues)
        XCTAssertEqual(values.map(\.string), ["active", "inactive", "null", nil])
        XCTAssertTrue(values[3].isNull)
        XCTAssertFalse(values[2].isNull, "a quoted \"null\" is a string")
        XCTAssertEqual(state.defaultValue?.string, "active")
        XCTAssertEqual(state.example?.string, "inactive")
        XCTAssertEqual(document.components.schemas["nothing"]?.value?.defaultValue?.isNull, true, "null is a real default")
    }

    func testCompositionAndDiscriminator() throws {
        let document = try schemas("""
            pet:
              oneOf:
              - $ref: '#/components/schemas/cat'
              - $ref: '#/components/schemas/dog'
              discriminator:
                propertyName: petType
                mapping:
                  dog: '#/components/schemas/dog'
                  kitty: cat
            cat:
              allOf:
              - $ref: '#/components/schemas/base'
              - type: object
                properties: {meows: {type: boolean}}
            dog:
              anyOf: [{type: string}, {type: integer}]
              not: {type: boolean}
            base: {type: object}
            """)
        let pet = try XCTUnwrap(document.components.schemas["pet"]?.value)
        XCTAssertEqual(pet.oneOf.compactMap(\.reference?.target), ["#/components/schemas/cat", "#/components/schemas/dog"])
        XCTAssertEqual(pet.discriminator?.propertyName, "petType")
        XCTAssertEqual(pet.discriminator?.mapping.keys, ["dog", "kitty"])
        XCTAssertEqual(pet.discriminator?.mapping["kitty"], "cat", "values are kept as written")
        let cat = try XCTUnwrap(document.components.schemas["cat"]?.value)
        XCTAssertEqual(cat.allOf.count, 2)
        XCTAssertEqual(cat.allOf[1].value?.properties.keys, ["meows"])
        XCTAssertEqual(cat.allOf[1].value?.source.pointer, "#/components/schemas/cat/allOf/1")
        let dog = try XCTUnwrap(document.components.schemas["dog"]?.value)
        XCTAssertEqual(dog.anyOf.compactMap(\.value?.types.first), ["string", "integer"])
        XCTAssertEqual(dog.not?.value?.types, ["boolean"])
    }

    func testRefSiblingsAreIgnoredAndTheRefKept() throws {
        let document = try schemas("""
            wrapper:
              $ref: '#/components/schemas/base'
              description: ignored sibling
            base: {type: object}
            """)
        XCTAssertEqual(document.components.schemas["wrapper"]?.reference?.target, "#/components/schemas/base")
    }

    func testArrayWithoutItemsIsFine() throws {
        let document = try schemas("""
            anything: {type: array}
            """)
        XCTAssertNil(document.components.schemas["anything"]?.value?.items)
    }

    /// Schema decoding recurses per nesting level; the deepest nesting the YAML parser accepts must
    /// decode without exhausting the (main thread's) stack, in debug builds too.
    func testDeepestNestingTheParserAllowsDecodes() throws {
        // `items` adds one mapping level, `properties` two; alternate them to stay just under the limit.
        let levels = (YAMLParser.Limits().maxDepth - 10) * 2 / 3
        var schema = #"{"type":"string"}"#
        for level in 0..<levels {
            schema = level.isMultiple(of: 2)
                ? #"{"type":"array","items":\#(schema)}"#
                : #"{"type":"object","properties":{"p":\#(schema)}}"#
        }
        let text = #"{"openapi":"3.1.0","info":{"title":"T","version":"1"},"components":{"schemas":{"deep":\#(schema)}}}"#
        let document = try OpenAPIDecoder.decode(try YAMLParser.parse(text, file: testFile), file: testFile).document
        var current = try XCTUnwrap(document.components.schemas["deep"]?.value)
        var depth = 0
        while let next = current.items?.value ?? current.properties["p"]?.value {
            current = next
            depth += 1
        }
        XCTAssertEqual(depth, levels)
        XCTAssertEqual(current.types, ["string"])
    }

    func testWrongValueTypesInSchemas() throws {
        let errors = try decodingErrors("""
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                a:
                  type: object
                  required: true
                  properties: [id]
                  minLength: many
                  items: true
                  exclusiveMinimum: maybe
            """)
        XCTAssertEqual(errors.map(\.description), [
            "test.yaml:8:17: error: 'required' must be a sequence, found a scalar \"true\"",
            "test.yaml:9:19: error: 'properties' must be a mapping, found a sequence",
            "test.yaml:10:18: error: 'minLength' must be an integer, found a scalar \"many\"",
            "test.yaml:11:14: error: 'items' must be a mapping, found a scalar \"true\"",
            "test.yaml:12:25: error: 'exclusiveMinimum' must be a number or a boolean, found a scalar \"maybe\"",
        ])
    }

    func testTypeArraysIn30AreAcceptedWithAWarning() throws {
        let decoded = try decode("""
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                a: {type: [string, integer]}
            """)
        XCTAssertEqual(decoded.document.components.schemas["a"]?.value?.types, ["string", "integer"])
        XCTAssertEqual(decoded.warnings.map(\.description), [
            "test.yaml:6:15: warning: a list of types needs OpenAPI 3.1; in 3.0 'type' is a single name",
        ])
    }
}
