import Foundation
import KilnIR
import XCTest

/// Runs the `inferred-discriminators` fixture's generated models: a `oneOf` without a discriminator
/// whose members fix `type` to distinct strings decodes the member its tag names, even where an
/// earlier member would decode too (its open enum would take any string as `unknown`).
final class InferredDiscriminatorTests: XCTestCase {
    private static let program = #"""
        import Foundation

        func decoded<T: Decodable>(_ type: T.Type, _ json: String, _ describe: (T) -> String) -> String {
            do {
                return describe(try JSONCoding.makeDecoder().decode(T.self, from: Data(json.utf8)))
            } catch {
                return "throws"
            }
        }

        func json(_ value: some Encodable) -> String {
            (try? JSONCoding.makeEncoder().encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "unencodable"
        }

        func describe(_ action: Action) -> String {
            switch action {
            case .awaitAction(let value): return "await \(value.type.rawValue) \(value.paymentData ?? "-")"
            case .redirectAction(let value): return "redirect \(value.url)"
            case .sdkAction(let value): return "sdk \(value.type.rawValue) \(value.sdkData?["token"] ?? "-")"
            case .refundAction(let value): return "refund \(value.type.rawValue) \(value.paymentData ?? "-")"
            case .unknown(let value): return "unknown \(json(value))"
            }
        }

        func describe(_ action: TerminalAction) -> String {
            switch action {
            case .reboot(let value): return "reboot \(value.type?.rawValue ?? "-") \(value.delay)"
            case .installApp(let value): return "installApp \(value.appId)"
            case .note(let value): return "note \(value.text)"
            case .unknown(let value): return "unknown \(json(value))"
            }
        }

        func describe(_ shape: Shape) -> String {
            switch shape {
            case .option1(let value): return "circle \(value.radius ?? 0)"
            case .option2(let value): return "square \(value.side ?? 0)"
            case .unknown(let value): return "unknown \(json(value))"
            }
        }

        let actions = [
            #"{"type":"await","paymentData":"p"}"#,
            #"{"type":"redirect","url":"https://pay.example/r"}"#,
            #"{"type":"wechatpaySDK","sdkData":{"token":"t"}}"#,
            #"{"type":"refund","paymentData":"r"}"#,
            #"{"type":"voucher","url":"v"}"#,
            #"{"url":"https://pay.example/r"}"#,
        ]
        for action in actions { print(decoded(Action.self, action, describe)) }

        let terminalActions = [
            #"{"type":"Reboot","delay":5}"#,
            #"{"type":"InstallApp","appId":"com.example.app"}"#,
            #"{"delay":7}"#,
            #"{"text":"hi"}"#,
            #"{"type":"Shutdown","text":"bye"}"#,
            #"{"type":"Shutdown"}"#,
            #"{"type":"InstallApp"}"#,
            #"{"appId":"com.example.app"}"#,
        ]
        for action in terminalActions { print(decoded(TerminalAction.self, action, describe)) }

        print(decoded(Shape.self, #"{"kind":"square","version":"v1","side":2}"#, describe))

        func describe(_ invite: Invite) -> String {
            switch invite {
            case .friendInvite(let value): return "friend \(value.code)"
            case .groupInvite(let value): return "group \(value.code)"
            case .guildInvite(let value): return "guild \(value.code) \(value.guild)"
            case .unknown(let value): return "unknown \(json(value))"
            }
        }

        let invites = [
            #"{"type":0,"code":"c","guild":"g"}"#,
            #"{"type":1,"code":"c"}"#,
            #"{"type":2,"code":"c","guild":"g"}"#,
            #"{"type":7,"code":"c"}"#,
            #"{"type":"0","code":"c","guild":"g"}"#,
        ]
        for invite in invites { print(decoded(Invite.self, invite, describe)) }
        print(decoded(InviteList.self, #"[{"type":0,"code":"c","guild":"g"},{"type":2,"code":"d"}]"#) { list in
            list.map { item -> String in
                switch item {
                case .friendInvite(let value): return "friend \(value.code)"
                case .groupInvite(let value): return "group \(value.code)"
                case .guildInvite(let value): return "guild \(value.code) \(value.guild)"
                case .unknown(let value): return "unknown \(json(value))"
                }
            }.joined(separator: ", ")
        })

        func validated(_ json: String) -> String {
            do {
                let callback = try JSONCoding.makeDecoder().decode(InteractionCallback.self, from: Data(json.utf8))
                try callback.validate(with: RequestValidator(operationId: "sendInteractionCallback"), at: "body")
                return "valid"
            } catch {
                return "invalid: \(error)"
            }
        }

        let callbacks = [
            #"{"type":8,"choices":["a"],"content":"hello"}"#,
            #"{"type":4,"content":"far too long here"}"#,
            #"{"type":8,"choices":["a","b","c"]}"#,
            #"{"type":5,"content":"ok"}"#,
        ]
        for callback in callbacks { print(validated(callback)) }

        let redirect = Action.redirectAction(RedirectAction(type: .redirect, url: "https://pay.example/r"))
        print(json(redirect))
        print(decoded(Action.self, json(redirect), describe))

        """#

    /// When a property tells members apart, and when it does not.
    func testWhichUnionsGetATag() throws {
        let module = try LoweredSpec(paths: "{}", components: """
            schemas:
              A: {type: object, required: [type], properties: {type: {type: string, enum: [a]}}}
              B: {type: object, properties: {type: {type: string, enum: [b, c]}}}
              Plain: {type: object, properties: {type: {type: string}}}
              Named: {type: object, properties: {name: {type: string}}}
              Tagged: {oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}, {$ref: '#/components/schemas/Named'}]}
              WithString: {oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}, {type: string}]}
              WithUnfixed: {oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}, {$ref: '#/components/schemas/Plain'}]}
              OneTagged: {oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/Named'}]}
              AnyOf: {anyOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}]}
              One: {type: object, properties: {type: {type: integer, enum: [1]}}}
              Two: {type: object, properties: {type: {const: 2}}}
              IntegerTagged: {oneOf: [{$ref: '#/components/schemas/One'}, {$ref: '#/components/schemas/Two'}]}
              MixedKinds: {oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/One'}, {$ref: '#/components/schemas/Two'}]}
            """).lower().module
        func union(_ name: String) throws -> IRUnion {
            let type = try XCTUnwrap(module.types.first { $0.name == name }, name)
            if case .union(let union) = type.kind { return union }
            XCTFail("\(name) is not a union")
            return IRUnion(discriminatorProperty: nil, cases: [], unknownCaseName: "")
        }

        let tagged = try union("Tagged")
        XCTAssertEqual(tagged.discriminatorProperty, "type")
        XCTAssertEqual(tagged.cases.map(\.discriminatorValues), [["a"], ["b", "c"], []])
        XCTAssertEqual(tagged.cases.map(\.discriminatorIsOptional), [false, true, false])
        XCTAssertEqual(tagged.cases.map(\.memberDeclaresDiscriminator), [true, true, true], "encoding adds no tag")

        XCTAssertNil(try union("WithString").discriminatorProperty, "a string has no property to read")
        XCTAssertNil(try union("WithUnfixed").discriminatorProperty, "Plain allows any `type`, including a and b")
        XCTAssertNil(try union("OneTagged").discriminatorProperty, "one tagged member tells nothing apart")
        XCTAssertNil(try union("AnyOf").discriminatorProperty, "an anyOf decodes every member that matches")
        XCTAssertEqual(try union("AnyOf").cases.map(\.discriminatorValues), [[], []])

        let integerTagged = try union("IntegerTagged")
        XCTAssertEqual(integerTagged.discriminatorProperty, "type")
        XCTAssertTrue(integerTagged.discriminatorIsInteger)
        XCTAssertEqual(integerTagged.cases.map(\.discriminatorValues), [["1"], ["2"]])
        XCTAssertFalse(tagged.discriminatorIsInteger)
        XCTAssertNil(try union("MixedKinds").discriminatorProperty, "a string tag and integer tags are not one property's values")
    }

    func testEachMemberIsChosenByItsTag() throws {
        let fixture = FixtureTests.fixturesDirectory.appendingPathComponent("inferred-discriminators/Expected")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-inferred-tags-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let main = root.appendingPathComponent("main.swift")
        try Self.program.write(to: main, atomically: true, encoding: .utf8)

        let executable = root.appendingPathComponent("tags").path
        let sources = GoldenFiles.swiftFiles(under: fixture).map { fixture.appendingPathComponent($0).path } + [main.path]
        let build = try SwiftCompiler.command(["swiftc", "-wmo", "-swift-version", "6", "-module-name", "Tags", "-o", executable] + sources)
        XCTAssertEqual(build.status, 0, build.output)
        XCTAssertFalse(build.output.contains("warning:"), build.output)
        guard build.status == 0 else { return }

        let run = try SwiftCompiler.command([executable])
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertEqual(run.output.split(separator: "\n"), [
            "await await p",
            "redirect https://pay.example/r",
            "sdk wechatpaySDK t",
            "refund refund r",
            #"unknown {"type":"voucher","url":"v"}"#,
            // The tag is required by every member: without it nothing matches.
            "throws",

            "reboot Reboot 5",
            "installApp com.example.app",
            // No tag: the members that may leave it out, in order (Reboot needs `delay`, Note `text`).
            "reboot - 7",
            "note hi",
            // An unknown tag: the member without the property, then the unknown case.
            "note bye",
            #"unknown {"type":"Shutdown"}"#,
            // The tag names InstallApp, which lacks `appId`: no other member is tried.
            "throws",
            "throws",

            // `kind` is the tag (every member requires it), not `version`.
            "square 2.0",

            // Integer tags pick the member even where an earlier one would decode.
            "guild c g",
            "group c",
            "friend c",
            #"unknown {"code":"c","type":7}"#,
            // A string where the tag is an integer: not this API's JSON.
            "throws",
            // The list's union has no case for its null member, so the tag is inferred there too.
            "guild c g, friend d",

            // Both alternatives decode; the message callback's `type` 8 is not its own, but the
            // autocomplete callback passes, and one is enough for an anyOf.
            "valid",
            "invalid: sendInteractionCallback: `body.content` has 17 characters, more than 10",
            "invalid: sendInteractionCallback: `body.choices` has 3 items, more than 2",
            "valid",

            #"{"type":"redirect","url":"https://pay.example/r"}"#,
            "redirect https://pay.example/r",
        ])
    }
}
