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

    /// A heading's id as GitHub writes it (github-slugger): the text in lowercase, with every
    /// character that is not a letter, digit, mark, space, hyphen or underscore removed, and each
    /// space turned into a hyphen. `## The article's checklist` → `the-articles-checklist`.
    static func headingID(from text: String) -> String {
        var result = ""
        for character in text.lowercased() {
            if character == " " {
                result.append("-")
            } else if character.isLetter || character.isNumber || character == "-" || character == "_"
                || character.unicodeScalars.allSatisfy({ $0.properties.generalCategory.isMark })
            {
                result.append(character)
            }
        }
        return result
    }

    /// Turns text into a slug-like name: lowercase letters and digits, other runs become one
    /// hyphen (the heading ids of earlier versions, and suggested file names).
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

extension Unicode.GeneralCategory {
    var isMark: Bool { self == .nonspacingMark || self == .spacingMark || self == .enclosingMark }
}
