import Foundation

/// Finding bytes in text without Foundation's Unicode-aware string search, which costs more
/// than the whole YAML parse of a page: the needles here are fixed ASCII or UTF-8 strings.
enum ByteSearch {
    /// The byte offset of the first occurrence of `needle` in `text`, if there is one.
    static func firstOffset(of needle: String, in text: String) -> Int? {
        var text = text
        var needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { needle in firstOffset(of: needle, in: haystack) }
        }
    }

    static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = needle.first else { return 0 }
        guard let base = haystack.baseAddress, let needleBase = needle.baseAddress, haystack.count >= needle.count
        else { return nil }
        var offset = 0
        let last = haystack.count - needle.count
        while offset <= last {
            guard let found = memchr(base + offset, Int32(first), last - offset + 1) else { return nil }
            let candidate = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + candidate, needleBase, needle.count) == 0 { return candidate }
            offset = candidate + 1
        }
        return nil
    }

    /// Whether `text` holds `byte` anywhere in its UTF-8.
    static func contains(_ byte: UInt8, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { contains(byte, in: UnsafeRawBufferPointer($0)) }
    }

    /// Whether `bytes` hold `byte` anywhere.
    static func contains(_ byte: UInt8, in bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
        return memchr(base, Int32(byte), bytes.count) != nil
    }

    /// The byte offset of the last occurrence of `needle` in `bytes`, if there is one: a scan
    /// from the end, so a needle near the end of a long page is found at once.
    static func lastOffset(of needle: String, in bytes: Data) -> Int? {
        let needle = Array(needle.utf8)
        guard !needle.isEmpty else { return bytes.count }
        return bytes.withUnsafeBytes { (haystack: UnsafeRawBufferPointer) -> Int? in
            guard haystack.count >= needle.count else { return nil }
            var offset = haystack.count - needle.count
            while offset >= 0 {
                if haystack[offset] == needle[0],
                    needle.withUnsafeBytes({ memcmp(haystack.baseAddress! + offset, $0.baseAddress!, needle.count) }) == 0
                {
                    return offset
                }
                offset -= 1
            }
            return nil
        }
    }
}
