import Foundation

/// Recognises text that is not UTF-8 with LF line ends but looks enough like it to be misread:
/// UTF-16 (which is valid UTF-8 when it is mostly ASCII, one 0 byte in two) and CR-only lines.
enum TextEncodingSniffer {
    /// What the file is, when it is UTF-16: by its byte order mark, or, without one, by its
    /// 0 bytes all falling on even or all on odd offsets in the first kilobyte.
    static func utf16(_ data: Data) -> String? {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            return "the file is UTF-16 text (it starts with a UTF-16 byte order mark)"
        }
        let count = min(data.count, 1024)
        guard count >= 4 else { return nil }
        var zeros = [0, 0]
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            for offset in 0..<count where bytes[offset] == UInt8(0) { zeros[offset % 2] += 1 }
        }
        let half = count / 2
        guard let parity = zeros.firstIndex(where: { $0 * 2 >= half }), zeros[1 - parity] == 0 else { return nil }
        let order = parity == 1 ? "little-endian" : "big-endian"
        return "the file looks like UTF-16 text (\(order), without a byte order mark: every other byte is 0)"
    }

    /// Whether the file breaks lines with CR but never with LF.
    static func hasOnlyCarriageReturns(_ data: Data) -> Bool {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            ByteSearch.contains(0x0D, in: bytes) && !ByteSearch.contains(0x0A, in: bytes)
        }
    }
}
