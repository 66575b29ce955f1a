extension HTML {
    /// GitHub's tagfilter extension, applied to raw HTML when `unsafe_html: true` lets it through:
    /// the `<` of an opening or closing `title`, `textarea`, `style`, `xmp`, `iframe`, `noembed`,
    /// `noframes`, `script` or `plaintext` tag (any case) becomes `&lt;`, so the tag shows as text
    /// instead of swallowing or running the rest of the page. Everything else is left as written.
    static func tagFiltered(_ html: String) -> String {
        guard ByteSearch.contains(UInt8(ascii: "<"), in: html) else { return html }
        let bytes = Array(html.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 16)
        for index in bytes.indices {
            if bytes[index] == UInt8(ascii: "<"), filteredTags.contains(where: { isTag(bytes, at: index, named: $0) }) {
                result += "&lt;".utf8
            } else {
                result.append(bytes[index])
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static let filteredTags: [[UInt8]] = [
        "title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext",
    ].map { Array($0.utf8) }

    /// Whether `<name` or `</name` starts at `start`, followed by white space, `>` or `/>`.
    private static func isTag(_ bytes: [UInt8], at start: Int, named name: [UInt8]) -> Bool {
        var index = start + 1
        if index < bytes.count, bytes[index] == UInt8(ascii: "/") { index += 1 }
        guard index + name.count < bytes.count else { return false }
        for (offset, letter) in name.enumerated() where lowercased(bytes[index + offset]) != letter { return false }
        index += name.count
        switch bytes[index] {
        case UInt8(ascii: ">"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"),
            0x0B, 0x0C:
            return true
        case UInt8(ascii: "/"):
            return index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: ">")
        default:
            return false
        }
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }
}
