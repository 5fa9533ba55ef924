import Foundation

/// Deterministic pseudo-random numbers (SplitMix64), so every run decodes the same bytes.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A JSON array of Kratos identities as `GET /admin/identities?include_credential=…` returns them:
/// UUIDs, traits with email and name, verifiable and recovery addresses, a credentials map
/// (password, often oidc, sometimes totp), public/admin metadata, state, and Go-style dates with
/// fractional seconds (micro- or nanoseconds).
enum Fixture {
    static let firstNames = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Radia",
                             "Leslie", "Margaret", "John", "Katherine", "Dennis", "Shafi", "Tim", "Hedy", "Linus"]
    static let lastNames = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson",
                            "Perlman", "Lamport", "Hamilton", "Backus", "Johnson", "Ritchie", "Goldwasser", "Berners-Lee"]
    static let domains = ["example.com", "mail.example.org", "corp.example.net", "users.example.io"]
    static let providers = ["google", "github", "apple", "microsoft"]
    static let hex = Array("0123456789abcdef")
    static let base64 = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")

    static func make(bytes target: Int) -> (data: Data, count: Int) {
        var random = SplitMix64(seed: 0x4B69_6C6E)
        var json = "["
        json.reserveCapacity(target + 4096)
        var count = 0
        while json.utf8.count < target {
            if count > 0 { json += "," }
            json += identity(index: count, &random)
            count += 1
        }
        json += "]"
        return (Data(json.utf8), count)
    }

    static func uuid(_ random: inout SplitMix64) -> String {
        var text = ""
        for (index, length) in [8, 4, 4, 4, 12].enumerated() {
            if index > 0 { text += "-" }
            for position in 0..<length {
                var digit = Int(random.next() % 16)
                if index == 2 && position == 0 { digit = 4 }
                if index == 3 && position == 0 { digit = 8 + digit % 4 }
                text.append(hex[digit])
            }
        }
        return text
    }

    static func token(_ random: inout SplitMix64, length: Int) -> String {
        String((0..<length).map { _ in base64[Int(random.next() % 64)] })
    }

    /// `2024-03-05T10:11:12.123456Z` or with nanoseconds and an offset, as Go's time.Time marshals.
    static func date(_ random: inout SplitMix64) -> String {
        let year = 2021 + Int(random.next() % 5)
        let month = 1 + Int(random.next() % 12)
        let day = 1 + Int(random.next() % 28)
        let hour = Int(random.next() % 24), minute = Int(random.next() % 60), second = Int(random.next() % 60)
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        var text = "\(year)-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
        if random.next() % 3 == 0 {
            text += "." + pad(Int(random.next() % 1_000_000_000), 9) + "+02:00"
        } else {
            text += "." + pad(Int(random.next() % 1_000_000), 6) + "Z"
        }
        return text
    }

    static func identity(index: Int, _ random: inout SplitMix64) -> String {
        let first = firstNames[Int(random.next() % UInt64(firstNames.count))]
        let last = lastNames[Int(random.next() % UInt64(lastNames.count))]
        let email = "\(first.lowercased()).\(last.lowercased())\(index)@\(domains[index % domains.count])"
        let verified = random.next() % 4 != 0
        let created = date(&random), updated = date(&random)

        var credentials = """
        "password":{"type":"password","identifiers":["\(email)"],"version":0,\
        "created_at":"\(date(&random))","updated_at":"\(date(&random))",\
        "config":{"hashed_password":"$argon2id$v=19$m=65536,t=3,p=4$\(token(&random, length: 22))$\(token(&random, length: 43))",\
        "use_password_migration_hook":false}}
        """
        if random.next() % 2 == 0 {
            let provider = providers[Int(random.next() % UInt64(providers.count))]
            let subject = String(random.next() % 1_000_000_000_000)
            credentials += """
            ,"oidc":{"type":"oidc","identifiers":["\(provider):\(subject)"],"version":0,\
            "created_at":"\(date(&random))","updated_at":"\(date(&random))",\
            "config":{"providers":[{"subject":"\(subject)","provider":"\(provider)",\
            "initial_id_token":"\(token(&random, length: 120))","initial_access_token":"\(token(&random, length: 64))",\
            "initial_refresh_token":"\(token(&random, length: 48))","organization":null,"use_auto_link":false}]}}
            """
        }
        if random.next() % 5 == 0 {
            credentials += """
            ,"totp":{"type":"totp","identifiers":["\(uuid(&random))"],"version":0,\
            "created_at":"\(date(&random))","updated_at":"\(date(&random))",\
            "config":{"totp_url":"otpauth://totp/Example:\(email)?algorithm=SHA1&digits=6&issuer=Example&period=30&secret=\(token(&random, length: 32))"}}
            """
        }
        let metadataPublic = random.next() % 3 == 0
            ? "null"
            : #"{"plan":"\#(["free", "pro", "enterprise"][index % 3])","seats":\#(1 + index % 50),"beta":\#(index % 2 == 0),"score":\#(Double(index % 1000) / 8),"tags":["a","b"]}"#
        let metadataAdmin = random.next() % 2 == 0 ? "null" : #"{"crm_id":"\#(uuid(&random))","notes":"imported"}"#
        let organization = random.next() % 4 == 0 ? "\"\(uuid(&random))\"" : "null"
        let verifiedAt = verified ? "\"\(date(&random))\"" : "null"

        return """
        {"id":"\(uuid(&random))","credentials":{\(credentials)},"schema_id":"default",\
        "schema_url":"https://auth.example.com/schemas/ZGVmYXVsdA","state":"\(random.next() % 10 == 0 ? "inactive" : "active")",\
        "state_changed_at":"\(date(&random))",\
        "traits":{"email":"\(email)","name":{"first":"\(first)","last":"\(last)"},"newsletter":\(index % 2 == 0)},\
        "verifiable_addresses":[{"id":"\(uuid(&random))","value":"\(email)","verified":\(verified),"via":"email",\
        "status":"\(verified ? "completed" : "sent")","verified_at":\(verifiedAt),"created_at":"\(created)","updated_at":"\(updated)"}],\
        "recovery_addresses":[{"id":"\(uuid(&random))","value":"\(email)","via":"email","created_at":"\(created)","updated_at":"\(updated)"}],\
        "metadata_public":\(metadataPublic),"metadata_admin":\(metadataAdmin),\
        "created_at":"\(created)","updated_at":"\(updated)","organization_id":\(organization)}
        """
    }
}
