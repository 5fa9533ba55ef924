/// Packs the generated files into a fixed set of files whose names are known before generation.
///
/// A SwiftPM build-tool plugin must declare its outputs up front; a fixed list also means
/// the compiler gets several similarly sized files to type-check in parallel. Each file's group
/// and imports are known before rendering (`GeneratedPart`); files are rendered without their
/// header, and each shard gets one header, rendered once through `FileHeader.stencil`.
public enum ShardedLayout {
    public static let modelShards = ShardFileNames.modelShards
    public static let operationShards = ShardFileNames.operationShards

    /// Every file the sharded layout writes, in order; some may hold no declarations.
    /// The same list the build plugin declares as its outputs (`ShardFileNames.swift` is shared).
    public static var fileNames: [String] { ShardFileNames.all }

    /// Which shards a file may go to.
    enum Group {
        case support, client, operations, models
    }

    /// The shard header for each combination of imports beyond the common ones.
    struct Headers {
        var texts: [HeaderNeeds: String]

        /// The header importing what `needs` asks for; every combination is rendered.
        func text(for needs: HeaderNeeds) -> String {
            texts[needs] ?? ""
        }
    }

    static func pack(_ parts: [GeneratedPart], header: Headers) -> [GeneratedFile] {
        func members(of group: Group) -> [GeneratedPart] { parts.filter { $0.shard == group } }
        var packed = [
            merge(members(of: .support), into: ShardFileNames.support, header: header),
            merge(members(of: .client), into: ShardFileNames.client, header: header),
        ]
        packed += zip(ShardFileNames.operations, balance(members(of: .operations), into: operationShards, header: header)).map {
            merge($1, into: $0, header: header)
        }
        packed += zip(ShardFileNames.models, balance(members(of: .models), into: modelShards, header: header)).map {
            merge($1, into: $0, header: header)
        }
        return packed
    }

    /// Largest file first into the currently smallest shard: deterministic and close to even.
    ///
    /// A file weighs what it would as a file of its own (its header, a blank line, its body), so
    /// a shard's contents do not depend on how the header is shared.
    private static func balance(_ parts: [GeneratedPart], into count: Int, header: Headers) -> [[GeneratedPart]] {
        func weight(_ part: GeneratedPart) -> Int {
            header.text(for: part.headerNeeds).utf8.count + body(of: part).utf8.count + 2
        }
        var shards = Array(repeating: [GeneratedPart](), count: count)
        var sizes = Array(repeating: 0, count: count)
        let ordered = parts.map { ($0, weight($0)) }.sorted { ($0.1, $1.0.file.path) > ($1.1, $0.0.file.path) }
        for (part, size) in ordered {
            let target = sizes.indices.min { (sizes[$0], $0) < (sizes[$1], $1) } ?? 0
            shards[target].append(part)
            sizes[target] += size
        }
        // Within a shard, keep the tree layout's path order so diffs stay readable.
        return shards.map { $0.sorted { $0.file.path < $1.file.path } }
    }

    /// One file: one header with every import the parts need, then their bodies.
    private static func merge(_ parts: [GeneratedPart], into name: String, header: Headers) -> GeneratedFile {
        var text = header.text(for: parts.reduce(HeaderNeeds()) { $0.union($1.headerNeeds) })
        let bodies = parts.map(body(of:))
        if !bodies.isEmpty { text += "\n" + bodies.joined(separator: "\n\n") }
        return GeneratedFile(path: name, contents: text.trailingNewlinesTrimmed + "\n")
    }

    /// A part rendered without its header starts with the blank line that followed the header.
    private static func body(of part: GeneratedPart) -> String {
        String(part.file.contents.drop { $0 == "\n" }).trailingNewlinesTrimmed
    }
}
