import Foundation
import OryKratos
import XCTest

final class IdentityTests: XCTestCase {
    private func decodedIdentity() throws -> Identity {
        try decodeKratos(Identity.self, from: KratosPayloads.identity)
    }

    /// `2024-04-30T09:15:42Z` in seconds since 1970.
    private let april30 = 1_714_468_542.0

    func testScalarFieldsAndUUIDs() throws {
        let identity = try decodedIdentity()

        XCTAssertEqual(identity.id, UUID(uuidString: "9F425A8D-7EFC-4768-8F23-7647A74FDF13"))
        XCTAssertEqual(identity.id.uuidString.lowercased(), KratosPayloads.identityID)
        XCTAssertEqual(identity.schemaId, "customer")
        XCTAssertEqual(identity.schemaUrl, "https://auth.example.com/schemas/Y3VzdG9tZXI")
        XCTAssertEqual(identity.state, .active)
        XCTAssertEqual(try XCTUnwrap(identity.stateChangedAt).timeIntervalSince1970, april30 + 0.509875, accuracy: 1e-6)
        XCTAssertEqual(try XCTUnwrap(identity.createdAt).timeIntervalSince1970, april30 + 0.512398, accuracy: 1e-6)
        XCTAssertEqual(try XCTUnwrap(identity.updatedAt).timeIntervalSince1970, april30 + 269.904002, accuracy: 1e-6)
        XCTAssertNil(identity.organizationId)
        XCTAssertNil(identity.metadataAdmin, "\"metadata_admin\": null decodes to nil")
        XCTAssertNil(identity.externalId)
    }

    func testTraitsAreFreeFormJSON() throws {
        let traits = try decodedIdentity().traits

        XCTAssertEqual(traits["email"]?.stringValue, "ada@example.com")
        XCTAssertEqual(traits["name"]?["first"]?.stringValue, "Ada")
        XCTAssertEqual(traits["name"]?["last"]?.stringValue, "Lovelace")
        XCTAssertEqual(traits["phone"]?.stringValue, "+4915112345678")
        XCTAssertEqual(traits["newsletter"]?.boolValue, true)
        XCTAssertEqual(traits["age"]?.intValue, 36)
        XCTAssertEqual(traits["languages"]?.arrayValue, ["en", "fr"])
        XCTAssertEqual(traits["languages"]?[1]?.stringValue, "fr")
        XCTAssertNil(traits["nickname"])
        XCTAssertNil(traits["email"]?["domain"], "a string has no members")

        // Traits converted to an app-defined type.
        struct CustomerTraits: Decodable, Equatable {
            struct Name: Decodable, Equatable {
                var first: String
                var last: String
            }

            var email: String
            var name: Name
            var newsletter: Bool
            var age: Int
        }
        XCTAssertEqual(
            try traits.decode(as: CustomerTraits.self),
            CustomerTraits(email: "ada@example.com", name: .init(first: "Ada", last: "Lovelace"), newsletter: true, age: 36)
        )
    }

    func testMetadataPublic() throws {
        let metadata = try XCTUnwrap(try decodedIdentity().metadataPublic)
        XCTAssertEqual(metadata, ["plan": "pro", "seats": 5, "beta": true])
        XCTAssertEqual(metadata["seats"]?.intValue, 5)
    }

    func testCredentials() throws {
        let credentials = try XCTUnwrap(try decodedIdentity().credentials)
        XCTAssertEqual(Set(credentials.keys), ["password", "oidc"])

        let password = try XCTUnwrap(credentials["password"])
        XCTAssertEqual(password.type, .password)
        XCTAssertEqual(password.identifiers, ["ada@example.com"])
        XCTAssertEqual(password.version, 0)
        XCTAssertEqual(try XCTUnwrap(password.createdAt).timeIntervalSince1970, april30 + 0.512398, accuracy: 1e-6)
        XCTAssertEqual(password.updatedAt, password.createdAt)
        let passwordConfig = try JSONValue.object(try XCTUnwrap(password.config)).decode(as: IdentityCredentialsPassword.self)
        XCTAssertEqual(
            passwordConfig.hashedPassword,
            "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA"
        )
        XCTAssertNil(passwordConfig.usePasswordMigrationHook)

        let oidc = try XCTUnwrap(credentials["oidc"])
        XCTAssertEqual(oidc.type, .oidc)
        XCTAssertEqual(oidc.identifiers, ["google:108150934587329473421"])
        XCTAssertEqual(try XCTUnwrap(oidc.createdAt).timeIntervalSince1970, april30 + 81.004411, accuracy: 1e-6)
        XCTAssertEqual(oidc.config?["providers"]?[0]?["provider"]?.stringValue, "google")
        let oidcConfig = try JSONValue.object(try XCTUnwrap(oidc.config)).decode(as: IdentityCredentialsOidc.self)
        let provider = try XCTUnwrap(oidcConfig.providers?.first)
        XCTAssertEqual(oidcConfig.providers?.count, 1)
        XCTAssertEqual(provider.provider, "google")
        XCTAssertEqual(provider.subject, "108150934587329473421")
        XCTAssertEqual(provider.initialAccessToken, "ya29.a0AfB_byC3")
        XCTAssertEqual(provider.initialRefreshToken, "1//0gLd8")
        XCTAssertEqual(provider.useAutoLink, false)
        XCTAssertTrue(try XCTUnwrap(provider.initialIdToken).hasPrefix("eyJhbGciOiJSUzI1NiIs"))
    }

    func testVerifiableAddresses() throws {
        let addresses = try XCTUnwrap(try decodedIdentity().verifiableAddresses)
        XCTAssertEqual(addresses.count, 2)

        let email = addresses[0]
        XCTAssertEqual(email.id, UUID(uuidString: "d0b2b5c1-6f1e-4c52-9d8a-0e7f3b2a1c9d"))
        XCTAssertEqual(email.value, "ada@example.com")
        XCTAssertTrue(email.verified)
        XCTAssertEqual(email.via, .email)
        XCTAssertEqual(email.status, "completed")
        XCTAssertEqual(try XCTUnwrap(email.verifiedAt).timeIntervalSince1970, april30 + 269.903124, accuracy: 1e-6)
        XCTAssertEqual(try XCTUnwrap(email.createdAt).timeIntervalSince1970, april30 + 0.514001, accuracy: 1e-6)
        XCTAssertEqual(try XCTUnwrap(email.updatedAt).timeIntervalSince1970, april30 + 269.903511, accuracy: 1e-6)

        let phone = addresses[1]
        XCTAssertEqual(phone.id, UUID(uuidString: "7c3e9a14-2b5d-4f60-8e71-a9b0c1d2e3f4"))
        XCTAssertEqual(phone.value, "+4915112345678")
        XCTAssertFalse(phone.verified)
        XCTAssertEqual(phone.via, .sms)
        XCTAssertEqual(phone.status, "pending")
        XCTAssertNil(phone.verifiedAt, "\"verified_at\": null decodes to nil")
    }

    func testRecoveryAddresses() throws {
        let addresses = try XCTUnwrap(try decodedIdentity().recoveryAddresses)
        XCTAssertEqual(addresses.count, 1)
        let address = addresses[0]
        XCTAssertEqual(address.id, UUID(uuidString: "1e2d3c4b-5a69-4788-97a6-b5c4d3e2f1a0"))
        XCTAssertEqual(address.value, "ada@example.com")
        XCTAssertEqual(address.via, "email")
        XCTAssertEqual(try XCTUnwrap(address.createdAt).timeIntervalSince1970, april30 + 0.515220, accuracy: 1e-6)
    }

    func testRoundTrip() throws {
        let identity = try decodedIdentity()
        let reencoded = try encodeKratos(identity)

        // Microsecond timestamps survive exactly, so the models compare equal.
        XCTAssertEqual(try JSONCoding.makeDecoder().decode(Identity.self, from: reencoded), identity)
        XCTAssertEqual(
            normalizedForRoundTrip(try jsonValue(reencoded)),
            normalizedForRoundTrip(try jsonValue(KratosPayloads.identity))
        )
        let document = try jsonValue(reencoded)
        XCTAssertEqual(document["created_at"], "2024-04-30T09:15:42.512398Z")
        XCTAssertEqual(document["verifiable_addresses"]?[0]?["verified_at"], "2024-04-30T09:20:11.903124Z")
        XCTAssertEqual(
            document["id"]?.stringValue.flatMap(UUID.init(uuidString:)),
            UUID(uuidString: KratosPayloads.identityID)
        )
    }

    /// Foundation encodes `UUID` in upper case and has no encoder option to change it; RFC 4122
    /// (section 3) makes UUIDs case-insensitive on input, and Kratos accepts both. What must hold:
    /// bodies carry the canonical 8-4-4-4-12 form of the very same UUIDs.
    func testUUIDsAreEncodedInCanonicalForm() throws {
        let document = try jsonValue(try encodeKratos(try decodedIdentity()))
        let expected: [(JSONValue?, String)] = [
            (document["id"], "9f425a8d-7efc-4768-8f23-7647a74fdf13"),
            (document["verifiable_addresses"]?[0]?["id"], "d0b2b5c1-6f1e-4c52-9d8a-0e7f3b2a1c9d"),
            (document["recovery_addresses"]?[0]?["id"], "1e2d3c4b-5a69-4788-97a6-b5c4d3e2f1a0"),
        ]
        for (encoded, original) in expected {
            let text = try XCTUnwrap(encoded?.stringValue)
            XCTAssertEqual(text.count, 36)
            XCTAssertEqual(text.split(separator: "-").map(\.count), [8, 4, 4, 4, 12])
            XCTAssertEqual(text.lowercased(), original)
        }
    }

    func testMinimalIdentity() throws {
        let identity = try decodeKratos(
            Identity.self,
            from: #"""
            {"id": "00000000-0000-4000-8000-000000000001", "schema_id": "default", "schema_url": "http://127.0.0.1:4433/schemas/ZGVmYXVsdA", "traits": {}}
            """#
        )
        XCTAssertEqual(identity.traits, [:])
        XCTAssertNil(identity.credentials)
        XCTAssertNil(identity.state)
        XCTAssertNil(identity.verifiableAddresses)
    }

    func testMalformedUUIDIsRejected() throws {
        let json = #"{"id": "not-a-uuid", "schema_id": "default", "schema_url": "https://auth.example.com/schemas/ZGVmYXVsdA", "traits": {}}"#
        XCTAssertThrowsError(try decodeKratos(Identity.self, from: json)) { error in
            guard case DecodingError.dataCorrupted(let context) = error else {
                return XCTFail("expected dataCorrupted, got \(error)")
            }
            XCTAssertEqual(context.codingPath.map(\.stringValue), ["id"])
        }
    }

    func testMissingRequiredFieldIsRejected() throws {
        let json = #"{"id": "9f425a8d-7efc-4768-8f23-7647a74fdf13", "schema_url": "https://auth.example.com/schemas/ZGVmYXVsdA", "traits": {}}"#
        XCTAssertThrowsError(try decodeKratos(Identity.self, from: json)) { error in
            guard case DecodingError.keyNotFound(let key, _) = error else {
                return XCTFail("expected keyNotFound, got \(error)")
            }
            XCTAssertEqual(key.stringValue, "schema_id")
        }
    }
}
