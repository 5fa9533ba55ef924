import Foundation

// Hand-written models of the same shape as OryKratos.Identity and the types it holds: the same
// fields with the same Swift types, written as a person would: synthesized Codable with
// CodingKeys, String-backed enums. Free-form JSON (traits, metadata, credential config) uses the
// usual hand-written "any JSON" enum.

enum Hand {
    struct Identity: Codable, Hashable, Sendable {
        var createdAt: Date?
        var credentials: [String: IdentityCredentials]?
        var externalId: String?
        var id: UUID
        var metadataAdmin: AnyJSON?
        var metadataPublic: AnyJSON?
        var organizationId: UUID?
        var recoveryAddresses: [RecoveryIdentityAddress]?
        var schemaId: String
        var schemaUrl: String
        var state: State?
        var stateChangedAt: Date?
        var traits: AnyJSON
        var updatedAt: Date?
        var verifiableAddresses: [VerifiableIdentityAddress]?

        enum State: String, Codable, Hashable, Sendable {
            case active
            case inactive
        }

        enum CodingKeys: String, CodingKey {
            case createdAt = "created_at"
            case credentials
            case externalId = "external_id"
            case id
            case metadataAdmin = "metadata_admin"
            case metadataPublic = "metadata_public"
            case organizationId = "organization_id"
            case recoveryAddresses = "recovery_addresses"
            case schemaId = "schema_id"
            case schemaUrl = "schema_url"
            case state
            case stateChangedAt = "state_changed_at"
            case traits
            case updatedAt = "updated_at"
            case verifiableAddresses = "verifiable_addresses"
        }
    }

    struct IdentityCredentials: Codable, Hashable, Sendable {
        var config: [String: AnyJSON]?
        var createdAt: Date?
        var identifiers: [String]?
        var type: Kind?
        var updatedAt: Date?
        var version: Int64?

        enum Kind: String, Codable, Hashable, Sendable {
            case password
            case oidc
            case totp
            case lookupSecret = "lookup_secret"
            case webauthn
            case code
            case passkey
            case profile
            case saml
            case linkRecovery = "link_recovery"
            case codeRecovery = "code_recovery"
        }

        enum CodingKeys: String, CodingKey {
            case config
            case createdAt = "created_at"
            case identifiers
            case type
            case updatedAt = "updated_at"
            case version
        }
    }

    struct VerifiableIdentityAddress: Codable, Hashable, Sendable {
        var createdAt: Date?
        var id: UUID?
        var status: String
        var updatedAt: Date?
        var value: String
        var verified: Bool
        var verifiedAt: Date?
        var via: Via

        enum Via: String, Codable, Hashable, Sendable {
            case email
            case sms
        }

        enum CodingKeys: String, CodingKey {
            case createdAt = "created_at"
            case id
            case status
            case updatedAt = "updated_at"
            case value
            case verified
            case verifiedAt = "verified_at"
            case via
        }
    }

    struct RecoveryIdentityAddress: Codable, Hashable, Sendable {
        var createdAt: Date?
        var id: UUID?
        var updatedAt: Date?
        var value: String
        var via: String

        enum CodingKeys: String, CodingKey {
            case createdAt = "created_at"
            case id
            case updatedAt = "updated_at"
            case value
            case via
        }
    }

    /// The common hand-written "any JSON value" enum.
    enum AnyJSON: Codable, Hashable, Sendable {
        case null
        case bool(Bool)
        case integer(Int)
        case number(Double)
        case string(String)
        case array([AnyJSON])
        case object([String: AnyJSON])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let value = try? container.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? container.decode(Int.self) {
                self = .integer(value)
            } else if let value = try? container.decode(Double.self) {
                self = .number(value)
            } else if let value = try? container.decode(String.self) {
                self = .string(value)
            } else if let value = try? container.decode([AnyJSON].self) {
                self = .array(value)
            } else {
                self = .object(try container.decode([String: AnyJSON].self))
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .null: try container.encodeNil()
            case .bool(let value): try container.encode(value)
            case .integer(let value): try container.encode(value)
            case .number(let value): try container.encode(value)
            case .string(let value): try container.encode(value)
            case .array(let value): try container.encode(value)
            case .object(let value): try container.encode(value)
            }
        }
    }
}
