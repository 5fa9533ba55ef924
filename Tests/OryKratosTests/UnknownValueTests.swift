import Foundation
import OryKratos
import XCTest

/// Values a newer Kratos may send that this client version does not know.
final class UnknownValueTests: XCTestCase {
    private static let videoNode = #"""
    {
      "type": "video",
      "group": "passwordless_magic",
      "attributes": {
        "node_type": "video",
        "id": "passkey_tutorial",
        "src": "https://auth.example.com/media/passkeys.mp4",
        "autoplay": false,
        "width": 640,
        "aspect_ratio": 1.7777,
        "tracks": [{ "kind": "captions", "srclang": "en", "src": "https://auth.example.com/media/passkeys.en.vtt" }],
        "poster": null
      },
      "messages": [],
      "meta": {}
    }
    """#

    // MARK: Unknown discriminator

    func testUnknownNodeTypeKeepsRawJSON() throws {
        let node = try decodeKratos(UiNode.self, from: Self.videoNode)

        let raw = try XCTUnwrap(node.attributes.unknownJSON, "an unknown node_type should decode to .unknown")
        XCTAssertEqual(raw, try XCTUnwrap(try jsonValue(Self.videoNode)["attributes"]))
        XCTAssertEqual(raw["node_type"]?.stringValue, "video")
        XCTAssertEqual(raw["src"]?.stringValue, "https://auth.example.com/media/passkeys.mp4")
        XCTAssertEqual(raw["autoplay"], .bool(false))
        XCTAssertEqual(raw["width"], .integer(640))
        XCTAssertEqual(raw["aspect_ratio"], .number(1.7777))
        XCTAssertEqual(raw["tracks"]?[0]?["srclang"]?.stringValue, "en")
        XCTAssertEqual(raw["poster"], .null, "explicit nulls inside unknown attributes are kept")

        XCTAssertEqual(node.type, .unknown("video"))
        XCTAssertEqual(node.type.rawValue, "video")
    }

    func testUnknownNodeTypeEncodesBackUnchanged() throws {
        let node = try decodeKratos(UiNode.self, from: Self.videoNode)
        let reencoded = try encodeKratos(node)

        XCTAssertEqual(try jsonValue(reencoded), try jsonValue(Self.videoNode))
        // Independently of JSONValue: JSONSerialization sees the same attributes object.
        let before = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(Self.videoNode.utf8)) as? [String: Any])
        let after = try XCTUnwrap(try JSONSerialization.jsonObject(with: reencoded) as? [String: Any])
        XCTAssertEqual(try canonicalJSONText(try XCTUnwrap(after["attributes"])), try canonicalJSONText(try XCTUnwrap(before["attributes"])))
        XCTAssertEqual(after["type"] as? String, "video")
    }

    func testUnknownNodeInsideAFlowDoesNotBreakTheOthers() throws {
        var document = try jsonValue(KratosPayloads.loginFlow)
        guard case .object(var root) = document, case .object(var ui) = root["ui"],
              case .array(var nodes) = ui["nodes"]
        else { return XCTFail("fixture is not shaped like a flow") }
        nodes.insert(try jsonValue(Self.videoNode), at: 1)
        ui["nodes"] = .array(nodes)
        root["ui"] = .object(ui)
        document = .object(root)

        let flow = try document.decode(as: LoginFlow.self)
        XCTAssertEqual(flow.ui.nodes.count, 11)
        XCTAssertEqual(flow.ui.nodes[0].attributes.input?.name, "csrf_token")
        XCTAssertEqual(flow.ui.nodes[1].attributes.unknownJSON?["id"], "passkey_tutorial")
        XCTAssertEqual(flow.ui.nodes[2].attributes.input?.name, "identifier")
        XCTAssertEqual(flow.ui.nodes[10].attributes.division?.id, "cf-turnstile")
    }

    func testUnknownContinueWithActionIsKept() throws {
        let json = #"""
        [
          { "action": "show_verification_ui", "flow": { "id": "e2f1a0b9-c8d7-4e6f-a5b4-c3d2e1f0a9b8", "verifiable_address": "ada@example.com", "url": "https://auth.example.com/verification?flow=e2f1a0b9-c8d7-4e6f-a5b4-c3d2e1f0a9b8" } },
          { "action": "show_passkey_nudge", "delay_seconds": 3 }
        ]
        """#
        let items = try decodeKratos([ContinueWith].self, from: json)

        XCTAssertEqual(items.count, 2)
        guard case .showVerificationUi(let verification) = items[0] else {
            return XCTFail("expected show_verification_ui, got \(items[0])")
        }
        XCTAssertEqual(verification.flow.verifiableAddress, "ada@example.com")
        XCTAssertEqual(items[1], .unknown(["action": "show_passkey_nudge", "delay_seconds": 3]))
        XCTAssertEqual(try jsonValue(try encodeKratos(items[1])), try jsonValue(json)[1], "the unknown item is sent back verbatim")
        XCTAssertEqual(
            normalizedForRoundTrip(try jsonValue(try encodeKratos(items))),
            normalizedForRoundTrip(try jsonValue(json))
        )
    }

    // MARK: Unknown enum values

    func testUnknownGroupDecodesToUnknownAndRoundTrips() throws {
        let node = try decodeKratos(UiNode.self, from: Self.videoNode)

        XCTAssertEqual(node.group, .unknown("passwordless_magic"))
        XCTAssertEqual(node.group.rawValue, "passwordless_magic")
        XCTAssertFalse(UiNode.Group.allCases.contains(node.group))
        XCTAssertFalse(UiNode.Group.allCases.map(\.rawValue).contains("passwordless_magic"))
        XCTAssertEqual(try jsonValue(try encodeKratos(node))["group"], "passwordless_magic")

        let standalone = try decodeKratos(UiNode.Group.self, from: #""passwordless_magic""#)
        XCTAssertEqual(standalone, .unknown("passwordless_magic"))
        XCTAssertEqual(String(decoding: try encodeKratos(standalone), as: UTF8.self), #""passwordless_magic""#)
    }

    func testKnownGroupsMapToTheirCases() throws {
        let groups = try decodeKratos([UiNode.Group].self, from: #"["default", "lookup_secret", "identifier_first", "saml"]"#)
        XCTAssertEqual(groups, [.default, .lookupSecret, .identifierFirst, .saml])
        XCTAssertEqual(UiNode.Group.allCases.count, 13)
        XCTAssertEqual(UiNode.Group(rawValue: "identifier_first"), .identifierFirst)
        for group in UiNode.Group.allCases {
            XCTAssertEqual(UiNode.Group(rawValue: group.rawValue), group, "\(group) does not survive its raw value")
        }
    }

    func testOtherUnknownEnumValuesRoundTrip() throws {
        let input = try decodeKratos(
            UiNodeInputAttributes.self,
            from: #"""
            {"name": "birthday", "type": "month", "autocomplete": "bday", "onclickTrigger": "oryCaptchaRefresh", "disabled": false, "node_type": "input"}
            """#
        )
        XCTAssertEqual(input.type, .unknown("month"))
        XCTAssertEqual(input.autocomplete, .unknown("bday"))
        XCTAssertEqual(input.onclickTrigger, .unknown("oryCaptchaRefresh"))
        let encoded = try jsonValue(try encodeKratos(input))
        XCTAssertEqual(encoded["type"], "month")
        XCTAssertEqual(encoded["autocomplete"], "bday")
        XCTAssertEqual(encoded["onclickTrigger"], "oryCaptchaRefresh")

        let text = try decodeKratos(UiText.self, from: #"{"id": 1, "text": "Heads up", "type": "warning"}"#)
        XCTAssertEqual(text.type, .unknown("warning"))
        XCTAssertFalse(UiText.Kind.allCases.contains(text.type))

        let aal = try decodeKratos([AuthenticatorAssuranceLevel].self, from: #"["aal2", "aal9"]"#)
        XCTAssertEqual(aal, [.aal2, .unknown("aal9")])
    }

    func testNodeTypeDiscriminatorEnumsRejectNothing() throws {
        // The per-variant node_type enums are open too, so a mismatching value is kept, not lost.
        XCTAssertEqual(UiNodeImageAttributes.NodeType(rawValue: "img"), .img)
        XCTAssertEqual(UiNodeImageAttributes.NodeType(rawValue: "picture"), .unknown("picture"))
        XCTAssertEqual(UiNodeImageAttributes.NodeType.allCases, [.img])
    }
}
