/// Finds line/column positions and characters in UTF-8 text the way libyaml counts them.
///
/// libyaml's marks count Unicode scalars ("characters"), not bytes, and treat CR LF, CR, LF, NEL,
/// LS and PS as line breaks; this agrees, so reader errors (which libyaml reports as byte offsets)
/// get the same kind of column as every other location.
struct UTF8TextLocator {
    private let bytes: UnsafeBufferPointer<UInt8>

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The 0-based line and column of the character starting at byte `offset`.
    func position(ofByteOffset offset: Int) -> (line: Int, column: Int) {
        let end = min(max(offset, 0), bytes.count)
        var line = 0
        var column = 0
        var index = 0
        while index < end {
            if let breakLength = lineBreakLength(at: index) {
                line += 1
                column = 0
                index += breakLength
            } else {
                if !Self.isContinuationByte(bytes[index]) { column += 1 }
                index += 1
            }
        }
        return (line, column)
    }

    /// The byte offset where the sequence holding the byte at `offset` starts (for errors reported
    /// at a bad trailing byte, which the user knows by its leading byte).
    func sequenceStart(beforeByteOffset offset: Int) -> Int {
        var index = min(offset, bytes.count) - 1
        while index > 0, Self.isContinuationByte(bytes[index]) { index -= 1 }
        return max(index, 0)
    }

    /// The byte offset of a 0-based character index (libyaml's `mark.index`), if inside the text.
    func byteOffset(ofCharacterIndex characterIndex: Int) -> Int? {
        guard characterIndex >= 0 else { return nil }
        var seen = -1
        for offset in bytes.indices where !Self.isContinuationByte(bytes[offset]) {
            seen += 1
            if seen == characterIndex { return offset }
        }
        return nil
    }

    /// The Unicode scalars starting at a 0-based character index, at most `count` of them.
    func scalars(atCharacterIndex characterIndex: Int, count: Int = 1) -> [Unicode.Scalar] {
        guard let offset = byteOffset(ofCharacterIndex: characterIndex) else { return [] }
        var iterator = bytes[offset...].makeIterator()
        var decoder = UTF8()
        var scalars: [Unicode.Scalar] = []
        while scalars.count < count, case .scalarValue(let scalar) = decoder.decode(&iterator) {
            scalars.append(scalar)
        }
        return scalars
    }

    /// The length of the line break starting at `index`, or nil. CR LF is one break of two bytes.
    func lineBreakLength(at index: Int) -> Int? {
        switch bytes[index] {
        case 0x0A: return 1
        case 0x0D: return byte(at: index + 1) == 0x0A ? 2 : 1
        case 0xC2 where byte(at: index + 1) == 0x85: return 2  // NEL
        case 0xE2 where byte(at: index + 1) == 0x80 && [0xA8, 0xA9].contains(byte(at: index + 2)): return 3  // LS, PS
        default: return nil
        }
    }

    private func byte(at index: Int) -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    static func isContinuationByte(_ byte: UInt8) -> Bool {
        byte & 0xC0 == 0x80
    }
}
