/// How seed names are compared with the spec's: Ruby and Elixir snake-case the operationIds
/// (`admin_get_identity`), Dart camel-cases parameter names (`xSessionToken` for `X-Session-Token`),
/// and header names differ in case between operations (`cookie`, `Cookie`). Case and everything but
/// letters and digits are ignored.
enum SeedName {
    static func normalized(_ name: some StringProtocol) -> String {
        String(name.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) })
    }
}
