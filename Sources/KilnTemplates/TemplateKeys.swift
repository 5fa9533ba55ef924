/// The member names of one view model type, with a lookup table built once per type.
///
/// Reading members is the renderer's most frequent work. A `[String: TemplateValue]` per model
/// hashed every name twice (building the model, then reading it); here a model is an array of
/// values in its type's member order, and a name is found through a small open-addressing table
/// using a hash the parser computed once per written name (`VariablePath.memberHashes`).
public final class TemplateKeys: Sendable {
    public let names: [String]
    /// Slot + 1 per bucket; 0 is an empty bucket. The bucket count is a power of two.
    private let buckets: [Int32]
    private let mask: Int

    public init(_ names: [String]) {
        self.names = names
        var bucketCount = 4
        while bucketCount < names.count * 2 { bucketCount *= 2 }
        var buckets = [Int32](repeating: 0, count: bucketCount)
        let mask = bucketCount - 1
        for (slot, name) in names.enumerated() {
            var bucket = Int(Self.hash(name)) & mask
            while buckets[bucket] != 0 {
                // The first of two members with one name wins, as for the checker's schema.
                if names[Int(buckets[bucket]) - 1] == name { break }
                bucket = (bucket + 1) & mask
            }
            if buckets[bucket] == 0 { buckets[bucket] = Int32(slot + 1) }
        }
        self.buckets = buckets
        self.mask = mask
    }

    /// The position of `name` among `names`, given `hash(name)`.
    public func slot(of name: String, hash: UInt32) -> Int? {
        var bucket = Int(hash) & mask
        while true {
            let entry = Int(buckets[bucket])
            if entry == 0 { return nil }
            if names[entry - 1] == name { return entry - 1 }
            bucket = (bucket + 1) & mask
        }
    }

    /// FNV-1a over the UTF-8 bytes: stable, cheap, and computed once per name written in a template.
    public static func hash(_ name: String) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in name.utf8 {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        return hash
    }
}
