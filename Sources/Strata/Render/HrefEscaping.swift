extension HTML {
    /// Escapes a link or image destination for an `href` or `src` the way cmark-gfm's HTML renderer
    /// does (`houdini_escape_href`): letters, digits and ``-_.+!*(),%#@?=;:/$~`` stay as they are
    /// (an existing `%XX` is kept, not encoded twice), `&` becomes `&amp;`, `'` becomes `&#x27;`, and
    /// every other byte of the UTF-8 text, spaces, `"`, `<`, `\`, `[`, backticks and non-ASCII
    /// letters included, becomes `%XX`.
    static func escapeHref(_ url: String) -> String {
        guard url.utf8.contains(where: { !isHrefSafe($0) }) else { return url }
        var result = ""
        result.reserveCapacity(url.utf8.count + 16)
        for byte in url.utf8 {
            if isHrefSafe(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else if byte == UInt8(ascii: "&") {
                result += "&amp;"
            } else if byte == UInt8(ascii: "'") {
                result += "&#x27;"
            } else {
                result += "%"
                result.unicodeScalars.append(hexDigits[Int(byte >> 4)])
                result.unicodeScalars.append(hexDigits[Int(byte & 0xF)])
            }
        }
        return result
    }

    private static let hexDigits = Array("0123456789ABCDEF".unicodeScalars)

    private static func isHrefSafe(_ byte: UInt8) -> Bool { hrefSafe[Int(byte)] }

    /// Byte → whether it is written as it is, as in cmark-gfm's `HREF_SAFE` table.
    private static let hrefSafe: [Bool] = {
        var table = Array(repeating: false, count: 256)
        for byte in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.+!*(),%#@?=;:/$~".utf8 {
            table[Int(byte)] = true
        }
        return table
    }()
}
