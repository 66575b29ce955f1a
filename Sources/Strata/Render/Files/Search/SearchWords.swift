import Foundation

/// How the index and search.js split text into words: runs of letters, marks and digits (what
/// the script's `[\p{L}\p{M}\p{N}]` matches), folded to lower case without accents.
enum SearchWords {
    /// Longer "words" (hashes, base64, run-together URLs) are left out of the index.
    static let maxWordBytes = 64

    /// The folded words of `text`, in order, repeats included.
    static func words(in text: String) -> [String] {
        var words: [String] = []
        forEachWord(in: text) { words.append($0) }
        return words
    }

    /// Calls `visit` with each folded word of `text`.
    static func forEachWord(in text: String, _ visit: (String) -> Void) {
        var word: [UInt8] = []
        var isASCII = true
        func flush() {
            if !word.isEmpty && word.count <= maxWordBytes {
                let text = String(decoding: word, as: UTF8.self)
                visit(isASCII ? text : fold(text))
            }
            word.removeAll(keepingCapacity: true)
            isASCII = true
        }
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x61...0x7A, 0x30...0x39: word.append(UInt8(scalar.value))
            case 0x41...0x5A: word.append(UInt8(scalar.value + 0x20))
            case 0..<0x80: flush()
            default:
                guard isWordCharacter(scalar) else {
                    flush()
                    continue
                }
                isASCII = false
                word.append(contentsOf: String(scalar).utf8)
            }
        }
        flush()
    }

    /// Lower case without accents, as the script folds a query: decompose (NFD), drop combining
    /// diacritical marks (U+0300–U+036F), lower-case.
    static func fold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars
        where !(0x300...0x36F).contains(scalar.value) {
            scalars.append(scalar)
        }
        return String(scalars).lowercased()
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            true
        default: false
        }
    }
}
