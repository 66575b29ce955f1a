/// Slugs: lowercase ASCII letters, digits and single hyphens, e.g. `io-net`.
enum Slug {
    static func isValid(_ text: String) -> Bool {
        guard let first = text.utf8.first, let last = text.utf8.last,
            first != UInt8(ascii: "-"), last != UInt8(ascii: "-"),
            // Bytes, not `contains("--")`: with Foundation loaded that is an NSString search per slug.
            !zip(text.utf8, text.utf8.dropFirst()).contains(where: { $0 == UInt8(ascii: "-") && $1 == $0 })
        else { return false }
        return text.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
        }
    }

    /// Turns heading text into an id: lowercase letters and digits, other runs become one hyphen.
    static func make(from text: String) -> String {
        var result = ""
        var pendingHyphen = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingHyphen && !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.append(character)
            } else {
                pendingHyphen = true
            }
        }
        return result
    }
}
