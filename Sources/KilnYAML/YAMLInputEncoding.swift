import KilnDiagnostics

/// The encoding of a parser input, told by its byte order mark (no mark means UTF-8, as in libyaml).
///
/// Everything is handed to libyaml as UTF-8 without a mark: byte offsets in libyaml's reader errors
/// then index the very bytes we hold, and UTF-32 (which libyaml cannot read) works too.
enum YAMLInputEncoding: Equatable {
    case utf8(byteOrderMarkLength: Int)
    case utf16LittleEndian
    case utf16BigEndian
    case utf32LittleEndian
    case utf32BigEndian

    static func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLInputEncoding {
        // UTF-32 LE must be checked before UTF-16 LE: its mark starts with the UTF-16 LE mark.
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return .utf32LittleEndian }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return .utf32BigEndian }
        if bytes.starts(with: [0xFF, 0xFE]) { return .utf16LittleEndian }
        if bytes.starts(with: [0xFE, 0xFF]) { return .utf16BigEndian }
        return .utf8(byteOrderMarkLength: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)
    }

    var needsTranscoding: Bool {
        if case .utf8 = self { return false }
        return true
    }

    var byteOrderMarkLength: Int {
        switch self {
        case .utf8(let length): return length
        case .utf16LittleEndian, .utf16BigEndian: return 2
        case .utf32LittleEndian, .utf32BigEndian: return 4
        }
    }

    private var name: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf16LittleEndian, .utf16BigEndian: return "UTF-16"
        case .utf32LittleEndian, .utf32BigEndian: return "UTF-32"
        }
    }

    /// The text as UTF-8 without the byte order mark; invalid code units (or a truncated last one)
    /// are an error at the place they occur, not replaced, so a damaged file never parses silently.
    func transcodeToUTF8(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws(DiagnosticError) -> [UInt8] {
        let width = byteOrderMarkLength
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count)
        let failed: Bool
        switch self {
        case .utf8:
            return Array(bytes.dropFirst(width))
        case .utf16LittleEndian, .utf16BigEndian:
            let units = codeUnits(bytes, width: width, as: UInt16.self).makeIterator()
            failed = transcode(units, from: UTF16.self, to: UTF8.self, stoppingOnError: true) { utf8.append($0) }
        case .utf32LittleEndian, .utf32BigEndian:
            let units = codeUnits(bytes, width: width, as: UInt32.self).makeIterator()
            failed = transcode(units, from: UTF32.self, to: UTF8.self, stoppingOnError: true) { utf8.append($0) }
        }
        guard failed || (bytes.count - width) % width != 0 else { return utf8 }
        throw invalid(after: utf8, file: file)
    }

    /// The error sits right after the last character that transcoded.
    private func invalid(after utf8: [UInt8], file: String) -> DiagnosticError {
        let position = utf8.withUnsafeBufferPointer { UTF8TextLocator($0).position(ofByteOffset: $0.count) }
        let location = LocationMap(file: file).location(line: position.line, column: position.column)
        return DiagnosticError(.error("the text is not valid \(name)", at: location))
    }

    /// The code units after the byte order mark, assembled in this encoding's byte order.
    private func codeUnits<Unit: FixedWidthInteger>(
        _ bytes: UnsafeBufferPointer<UInt8>,
        width: Int,
        as: Unit.Type
    ) -> some Sequence<Unit> {
        let littleEndian = self == .utf16LittleEndian || self == .utf32LittleEndian
        return stride(from: byteOrderMarkLength, through: bytes.count - width, by: width).lazy.map { offset in
            (0..<width).reduce(Unit.zero) { unit, index in
                let shift = littleEndian ? index * 8 : (width - 1 - index) * 8
                return unit | Unit(bytes[offset + index]) << shift
            }
        }
    }
}
