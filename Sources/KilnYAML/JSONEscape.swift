/// A character of UTF-8 text that `YAMLNode.jsonText` must escape, found by looking at bytes only.
///
/// The escaped characters are `"`, `\`, C0 controls, DEL, C1 controls (`C2 80`–`C2 9F`), U+2028/U+2029
/// (`E2 80 A8`/`A9`) and U+FFFE/U+FFFF (`EF BF BE`/`BF`). Their lead bytes are never UTF-8
/// continuation bytes, so a byte-by-byte scan cannot match inside another character.
struct JSONEscape {
    /// The escaped character's Unicode scalar value.
    let value: UInt32
    /// Its length in UTF-8.
    let byteCount: Int

    /// The character starting at `index` if it must be escaped, nil otherwise.
    init?(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) {
        let lead = bytes[index]
        if lead < 0x80 {
            guard lead < 0x20 || lead == 0x7F || lead == UInt8(ascii: "\"") || lead == UInt8(ascii: "\\") else { return nil }
            self.init(value: UInt32(lead), byteCount: 1)
            return
        }
        guard lead == 0xC2 || lead == 0xE2 || lead == 0xEF, index + 1 < bytes.count else { return nil }
        let second = bytes[index + 1]
        if lead == 0xC2 {
            guard (0x80...0x9F).contains(second) else { return nil }
            self.init(value: UInt32(second), byteCount: 2)
            return
        }
        guard index + 2 < bytes.count else { return nil }
        let third = bytes[index + 2]
        if lead == 0xE2, second == 0x80, third == 0xA8 || third == 0xA9 {
            self.init(value: 0x2000 | UInt32(third - 0x80), byteCount: 3)
        } else if lead == 0xEF, second == 0xBF, third == 0xBE || third == 0xBF {
            self.init(value: 0xFFC0 | UInt32(third - 0x80), byteCount: 3)
        } else {
            return nil
        }
    }

    private init(value: UInt32, byteCount: Int) {
        self.value = value
        self.byteCount = byteCount
    }

    /// `\"`, `\\`, `\n`, `\r`, `\t`, or `\u` and four lowercase hex digits.
    func append(to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\\"))
        switch value {
        case 0x22: output.append(UInt8(ascii: "\""))
        case 0x5C: output.append(UInt8(ascii: "\\"))
        case 0x0A: output.append(UInt8(ascii: "n"))
        case 0x0D: output.append(UInt8(ascii: "r"))
        case 0x09: output.append(UInt8(ascii: "t"))
        default:
            output.append(UInt8(ascii: "u"))
            for shift in stride(from: 12, through: 0, by: -4) {
                output.append(Self.hexDigits[Int((value >> UInt32(shift)) & 0xF)])
            }
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
