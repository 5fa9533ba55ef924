import Foundation
import OryKratos
import XCTest

final class LoginFlowTests: XCTestCase {
    private func decodedFlow() throws -> LoginFlow {
        try decodeKratos(LoginFlow.self, from: KratosPayloads.loginFlow)
    }

    func testTopLevelFieldsDecode() throws {
        let flow = try decodedFlow()

        XCTAssertEqual(flow.id, UUID(uuidString: KratosPayloads.loginFlowID))
        XCTAssertEqual(flow.type, "browser")
        XCTAssertEqual(flow.issuedAt.timeIntervalSince1970, mayFirst1230UTC + 0.417732951, accuracy: 1e-6)
        XCTAssertEqual(flow.expiresAt.timeIntervalSince1970, mayFirst1230UTC + 3_600.417732951, accuracy: 1e-6)
        XCTAssertEqual(try XCTUnwrap(flow.createdAt).timeIntervalSince1970, mayFirst1230UTC + 0.418901, accuracy: 1e-6)
        XCTAssertEqual(flow.updatedAt, flow.createdAt)
        XCTAssertEqual(
            flow.requestUrl,
            "https://auth.example.com/self-service/login/browser?return_to=https%3A%2F%2Fapp.example.com%2Fdashboard"
        )
        XCTAssertEqual(flow.returnTo, "https://app.example.com/dashboard")
        XCTAssertEqual(flow.active, .password)
        XCTAssertEqual(flow.refresh, false)
        XCTAssertEqual(flow.requestedAal, .aal1)
        XCTAssertEqual(flow.state, .string("choose_method"))
        XCTAssertNil(flow.organizationId, "\"organization_id\": null decodes to nil")
        XCTAssertNil(flow.oauth2LoginRequest)

        XCTAssertEqual(
            flow.ui.action,
            "https://auth.example.com/self-service/login?flow=0a7f5b2e-3c4d-4e8f-9a1b-2c3d4e5f6a7b"
        )
        XCTAssertEqual(flow.ui.method, "POST")
        XCTAssertEqual(flow.ui.nodes.count, 10)
        let message = try XCTUnwrap(flow.ui.messages?.first)
        XCTAssertEqual(flow.ui.messages?.count, 1)
        XCTAssertEqual(message.id, 1_010_003)
        XCTAssertEqual(message.text, "Please confirm this action by verifying that it is you.")
        XCTAssertEqual(message.type, .info)
        XCTAssertEqual(message.context, [:])
    }

    func testNodeKindsAndGroups() throws {
        let nodes = try decodedFlow().ui.nodes

        XCTAssertEqual(nodes.map(\.type), [.input, .input, .input, .input, .input, .text, .img, .a, .script, .div])
        XCTAssertEqual(
            nodes.map(\.group),
            [.default, .default, .password, .password, .webauthn, .lookupSecret, .totp, .default, .webauthn, .captcha]
        )
        XCTAssertEqual(nodes.map(\.type.rawValue), ["input", "input", "input", "input", "input", "text", "img", "a", "script", "div"])
        XCTAssertEqual(nodes[5].group.rawValue, "lookup_secret")
    }

    func testInputNodes() throws {
        let nodes = try decodedFlow().ui.nodes

        let csrf = try XCTUnwrap(nodes[0].attributes.input, "node 0 should be an input")
        XCTAssertEqual(csrf.name, "csrf_token")
        XCTAssertEqual(csrf.type, .hidden)
        XCTAssertEqual(csrf.value, .string("kT3ZkV0cN2l0YWxzZWNyZXQtY3NyZi10b2tlbi12YWx1ZQ=="))
        XCTAssertEqual(csrf.required, true)
        XCTAssertFalse(csrf.disabled)
        XCTAssertEqual(csrf.nodeType, .input)
        XCTAssertNil(csrf.label)
        XCTAssertNil(csrf.autocomplete)
        XCTAssertEqual(nodes[0].meta, UiNodeMeta())
        XCTAssertEqual(nodes[0].messages, [])

        let identifier = try XCTUnwrap(nodes[1].attributes.input, "node 1 should be an input")
        XCTAssertEqual(identifier.name, "identifier")
        XCTAssertEqual(identifier.type, .text)
        XCTAssertEqual(identifier.value, .string(""))
        XCTAssertEqual(identifier.autocomplete, .usernameWebauthn)
        XCTAssertEqual(identifier.autocomplete?.rawValue, "username webauthn")
        let expectedLabel = UiText(context: ["title": "E-Mail"], id: 1_070_002, text: "E-Mail", type: .info)
        XCTAssertEqual(identifier.label, expectedLabel)
        XCTAssertEqual(nodes[1].meta.label, expectedLabel)

        let password = try XCTUnwrap(nodes[2].attributes.input, "node 2 should be an input")
        XCTAssertEqual(password.name, "password")
        XCTAssertEqual(password.type, .password)
        XCTAssertNil(password.value, "an absent value stays nil")
        XCTAssertEqual(password.autocomplete, .currentPassword)
        XCTAssertEqual(password.maxlength, 72)
        XCTAssertEqual(nodes[2].meta.label?.text, "Password")
        XCTAssertEqual(
            nodes[2].messages,
            [UiText(context: ["property": "password"], id: 4_000_002, text: "Property password is missing.", type: .error)]
        )

        let submit = try XCTUnwrap(nodes[3].attributes.input, "node 3 should be an input")
        XCTAssertEqual(submit.name, "method")
        XCTAssertEqual(submit.type, .submit)
        XCTAssertEqual(submit.value?.stringValue, "password")
        XCTAssertNil(submit.required)
        XCTAssertEqual(nodes[3].meta.label?.id, 1_010_001)

        let webAuthn = try XCTUnwrap(nodes[4].attributes.input, "node 4 should be an input")
        XCTAssertEqual(webAuthn.type, .button)
        XCTAssertEqual(
            webAuthn.onclick,
            #"window.__oryWebAuthnLogin({"publicKey":{"challenge":"dGVzdC1jaGFsbGVuZ2U","rpId":"auth.example.com"}})"#
        )
        XCTAssertEqual(webAuthn.onclickTrigger, .oryWebAuthnLogin)
        XCTAssertEqual(webAuthn.onload, "window.__oryWebAuthnInit()")
        XCTAssertEqual(webAuthn.onloadTrigger, .oryPasskeyLoginAutocompleteInit)
    }

    func testTextNodeKeepsItsContext() throws {
        let node = try decodedFlow().ui.nodes[5]
        let attributes = try XCTUnwrap(node.attributes.text, "node 5 should be a text node")

        XCTAssertEqual(attributes.id, "lookup_secret_codes")
        XCTAssertEqual(attributes.nodeType, .text)
        XCTAssertEqual(attributes.text.id, 1_050_015)
        XCTAssertEqual(attributes.text.text, "3r9noma8, bdtm8k4y")
        XCTAssertEqual(attributes.text.type, .info)

        let context = try XCTUnwrap(attributes.text.context)
        XCTAssertEqual(Array(context.keys), ["secrets"])
        let secrets = try XCTUnwrap(context["secrets"]?.arrayValue)
        XCTAssertEqual(secrets.count, 2)
        XCTAssertEqual(secrets[0]["context"]?["secret"]?.stringValue, "3r9noma8")
        XCTAssertEqual(secrets[1]["text"]?.stringValue, "bdtm8k4y")
        XCTAssertEqual(secrets[1]["id"]?.intValue, 1_050_009)
        // The nested texts are uiText objects themselves.
        let nested = try secrets[0].decode(as: UiText.self)
        XCTAssertEqual(nested, UiText(context: ["secret": "3r9noma8"], id: 1_050_009, text: "3r9noma8", type: .info))
        XCTAssertEqual(
            node.meta.label?.text,
            "These are your back up recovery codes. Please keep them in a safe place!"
        )
    }

    func testImageAnchorScriptAndDivisionNodes() throws {
        let nodes = try decodedFlow().ui.nodes

        let image = try XCTUnwrap(nodes[6].attributes.img, "node 6 should be an img")
        XCTAssertEqual(image.id, "totp_qr")
        XCTAssertTrue(image.src.hasPrefix("data:image/png;base64,iVBORw0KGgo"))
        XCTAssertEqual(image.width, 256)
        XCTAssertEqual(image.height, 256)
        XCTAssertEqual(image.nodeType, .img)

        let anchor = try XCTUnwrap(nodes[7].attributes.anchor, "node 7 should be an a")
        XCTAssertEqual(anchor.href, "https://auth.example.com/self-service/recovery/browser")
        XCTAssertEqual(anchor.id, "recovery_link")
        XCTAssertEqual(anchor.title, UiText(id: 1_070_012, text: "Forgot your password?", type: .info))
        XCTAssertNil(anchor.title.context)
        XCTAssertEqual(anchor.nodeType, .a)

        let script = try XCTUnwrap(nodes[8].attributes.script, "node 8 should be a script")
        XCTAssertEqual(script.src, "https://auth.example.com/.well-known/ory/webauthn.js")
        XCTAssertTrue(script.async)
        XCTAssertEqual(script.referrerpolicy, "no-referrer")
        XCTAssertEqual(script.crossorigin, "anonymous")
        XCTAssertEqual(
            script.integrity,
            "sha512-MDlF6TL8ZqSkUUrDKBRs4tlPYEBKA7T0ZgYKrwnnpKfVHCGERFBdDIODKu2RUq9mRDL7OLHvx8ceo3GLnT4sHQ=="
        )
        XCTAssertEqual(script.type, "text/javascript")
        XCTAssertEqual(script.id, "webauthn_script")
        XCTAssertEqual(script.nonce, "7b61c3f8c3cf4a7f9d4c2e1a")
        XCTAssertEqual(script.nodeType, .script)

        let division = try XCTUnwrap(nodes[9].attributes.division, "node 9 should be a div")
        XCTAssertEqual(division.class, "cf-turnstile")
        XCTAssertEqual(division.id, "cf-turnstile")
        XCTAssertEqual(division.data, ["sitekey": "0x4AAAAAAADnPIDROrmt1Wwj", "action": "login", "theme": "light"])
        XCTAssertEqual(division.nodeType, .div)
    }

    /// Every node's attributes survive decode → encode with their `node_type` and content intact.
    func testNodeAttributesRoundTrip() throws {
        let original = Data(KratosPayloads.loginFlow.utf8)
        let reencoded = try encodeKratos(try decodedFlow())

        let before = try nodeAttributeDictionaries(ofFlowJSON: original)
        let after = try nodeAttributeDictionaries(ofFlowJSON: reencoded)
        XCTAssertEqual(after.count, before.count)
        let expectedNodeTypes = ["input", "input", "input", "input", "input", "text", "img", "a", "script", "div"]
        for (index, (old, new)) in zip(before, after).enumerated() {
            XCTAssertEqual(new["node_type"] as? String, expectedNodeTypes[index], "node \(index) lost its node_type")
            XCTAssertEqual(
                try canonicalJSONText(new), try canonicalJSONText(old),
                "node \(index) attributes changed in the round trip"
            )
            XCTAssertEqual(
                try jsonValue(JSONSerialization.data(withJSONObject: new)),
                try jsonValue(JSONSerialization.data(withJSONObject: old)),
                "node \(index) attributes differ as JSON values"
            )
        }
    }

    /// The whole document survives, modulo key order, `null` members and date precision.
    func testWholeFlowRoundTrip() throws {
        let flow = try decodedFlow()
        let reencoded = try encodeKratos(flow)

        XCTAssertEqual(
            normalizedForRoundTrip(try jsonValue(reencoded)),
            normalizedForRoundTrip(try jsonValue(KratosPayloads.loginFlow))
        )
        // Encoded dates are RFC 3339 strings in UTC that decode to the same instants.
        let document = try jsonValue(reencoded)
        let issuedAt = try XCTUnwrap(document["issued_at"]?.stringValue)
        XCTAssertEqual(issuedAt, "2024-05-01T12:30:00.417733Z")
        XCTAssertEqual(document["created_at"]?.stringValue, "2024-05-01T12:30:00.418901Z")
        XCTAssertEqual(try XCTUnwrap(rfc3339Instant(issuedAt)).timeIntervalSince1970, flow.issuedAt.timeIntervalSince1970, accuracy: 1e-6)
        // A `null` the server sent comes back as `null`; a property never set stays absent.
        XCTAssertEqual(document["organization_id"], .null, "an explicit null is written back")
        XCTAssertNil(try jsonValue(try encodeKratos(LoginFlow(
            expiresAt: flow.expiresAt, id: flow.id, issuedAt: flow.issuedAt, requestUrl: flow.requestUrl,
            state: flow.state, type: flow.type, ui: flow.ui
        )))["organization_id"], "an optional never set is left out")
        XCTAssertEqual(document["ui"]?["nodes"]?[2]?["messages"]?[0]?["context"]?["property"], "password")

        // Decoding the re-encoded document gives back the same model (dates within a microsecond).
        var again = try JSONCoding.makeDecoder().decode(LoginFlow.self, from: reencoded)
        XCTAssertEqual(again.issuedAt.timeIntervalSince1970, flow.issuedAt.timeIntervalSince1970, accuracy: 1e-6)
        XCTAssertEqual(again.expiresAt.timeIntervalSince1970, flow.expiresAt.timeIntervalSince1970, accuracy: 1e-6)
        again.issuedAt = flow.issuedAt
        again.expiresAt = flow.expiresAt
        XCTAssertEqual(again, flow)
    }

    func testAttributesBuiltInSwiftEncodeWithKratosKeys() throws {
        let attributes = UiNodeAttributes.input(
            UiNodeInputAttributes(
                autocomplete: .oneTimeCode,
                disabled: false,
                maxlength: 6,
                name: "code",
                nodeType: .input,
                pattern: "[0-9]{6}",
                required: true,
                type: .text
            )
        )
        let json = try jsonValue(try encodeKratos(attributes))

        XCTAssertEqual(
            json,
            [
                "autocomplete": "one-time-code",
                "disabled": false,
                "maxlength": 6,
                "name": "code",
                "node_type": "input",
                "pattern": "[0-9]{6}",
                "required": true,
                "type": "text",
            ]
        )
        XCTAssertEqual(try decodeKratos(UiNodeAttributes.self, from: String(decoding: try encodeKratos(attributes), as: UTF8.self)), attributes)
    }

    func testAttributesWithoutNodeTypeAreRejected() throws {
        let json = #"{"name": "csrf_token", "type": "hidden", "disabled": false}"#
        XCTAssertThrowsError(try decodeKratos(UiNodeAttributes.self, from: json)) { error in
            guard case DecodingError.keyNotFound(let key, _) = error else {
                return XCTFail("expected keyNotFound, got \(error)")
            }
            XCTAssertEqual(key.stringValue, "node_type")
        }
    }

    func testKnownNodeTypeWithMissingRequiredFieldIsRejected() throws {
        // An img without width: a known discriminator must not fall back to `.unknown`.
        let json = #"{"node_type": "img", "id": "totp_qr", "src": "data:image/png;base64,AAAA", "height": 256}"#
        XCTAssertThrowsError(try decodeKratos(UiNodeAttributes.self, from: json)) { error in
            guard case DecodingError.keyNotFound(let key, _) = error else {
                return XCTFail("expected keyNotFound, got \(error)")
            }
            XCTAssertEqual(key.stringValue, "width")
        }
    }
}
