/// The Porter2 ("English") stemmer of the Snowball project, as published at
/// https://snowballstem.org/algorithms/english/stemmer.html (the version with the prefixes
/// gener, commun and arsen). The search index groups the words of the site by their stem.
///
/// Words are folded already (lower case, no apostrophes: the index splits words at them, so
/// Step 0 never applies). A word with anything but the letters a to z is its own stem.
enum EnglishStemmer {
    static func stem(_ word: String) -> String {
        let bytes = Array(word.utf8)
        guard bytes.count > 2, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        if let special = exceptions1[word] { return special }
        var stemmer = Word(bytes)
        stemmer.run()
        return String(decoding: stemmer.letters.map { $0 == upperY ? y : $0 }, as: UTF8.self)
    }

    /// Whole words with a stem of their own; the invariant ones map to themselves.
    static let exceptions1: [String: String] = [
        "skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie", "idly": "idl",
        "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli", "singly": "singl", "sky": "sky",
        "news": "news", "howe": "howe", "atlas": "atlas", "cosmos": "cosmos", "bias": "bias", "andes": "andes",
    ]

    /// Left as they are after Step 1a.
    static let exceptions2: Set<String> = [
        "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed",
    ]

    fileprivate static let y = UInt8(ascii: "y")
    /// A `y` that acts as a consonant (at the start, or after a vowel) is marked as `Y`.
    fileprivate static let upperY = UInt8(ascii: "Y")
}

private struct Word {
    var letters: [UInt8]
    /// Start of the regions R1 and R2 (`letters.count` when empty).
    var r1 = 0
    var r2 = 0

    init(_ letters: [UInt8]) { self.letters = letters }

    static func isVowel(_ letter: UInt8) -> Bool {
        switch letter {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
            UInt8(ascii: "y"):
            true
        default: false
        }
    }

    mutating func run() {
        markConsonantY()
        markRegions()
        step1a()
        if EnglishStemmer.exceptions2.contains(String(decoding: letters, as: UTF8.self)) { return }
        step1b()
        step1c()
        step2()
        step3()
        step4()
        step5()
    }

    private mutating func markConsonantY() {
        if letters[0] == EnglishStemmer.y { letters[0] = EnglishStemmer.upperY }
        for index in 1..<letters.count
        where letters[index] == EnglishStemmer.y && Self.isVowel(letters[index - 1]) {
            letters[index] = EnglishStemmer.upperY
        }
    }

    /// R1 starts after the first non-vowel that follows a vowel (or after gener, commun, arsen);
    /// R2 is the same rule applied again inside R1.
    private mutating func markRegions() {
        r1 = letters.count
        r2 = letters.count
        let text = String(decoding: letters, as: UTF8.self)
        if let prefix = ["gener", "commun", "arsen"].first(where: text.hasPrefix) {
            r1 = prefix.utf8.count
        } else if let end = regionStart(from: 0) {
            r1 = end
        } else {
            return
        }
        r2 = regionStart(from: r1) ?? letters.count
    }

    private func regionStart(from start: Int) -> Int? {
        var index = start
        while index < letters.count && !Self.isVowel(letters[index]) { index += 1 }
        while index < letters.count && Self.isVowel(letters[index]) { index += 1 }
        return index < letters.count ? index + 1 : nil
    }

    // MARK: helpers

    private func ends(with suffix: String) -> Bool {
        let tail = Array(suffix.utf8)
        return letters.count >= tail.count && Array(letters.suffix(tail.count)) == tail
    }

    /// The longest of `suffixes` the word ends with.
    private func longest(_ suffixes: [String]) -> String? {
        suffixes.filter(ends(with:)).max { $0.utf8.count < $1.utf8.count }
    }

    private mutating func replace(_ suffix: String, with replacement: String) {
        letters.removeLast(suffix.utf8.count)
        letters += Array(replacement.utf8)
    }

    private func start(of suffix: String) -> Int { letters.count - suffix.utf8.count }

    private func hasVowel(before end: Int) -> Bool { letters[..<end].contains(where: Self.isVowel) }

    /// Whether `letters[..<end]` ends in a short syllable: non-vowel, vowel, non-vowel other than
    /// w, x or Y; or, at the start of the word, vowel and non-vowel.
    private func endsInShortSyllable(_ end: Int) -> Bool {
        if end >= 3 {
            let last = letters[end - 1]
            if !Self.isVowel(last) && !"wxY".utf8.contains(last) && Self.isVowel(letters[end - 2])
                && !Self.isVowel(letters[end - 3])
            {
                return true
            }
        }
        return end == 2 && Self.isVowel(letters[0]) && !Self.isVowel(letters[1])
    }

    private var isShort: Bool { r1 >= letters.count && endsInShortSyllable(letters.count) }

    // MARK: steps

    private mutating func step1a() {
        guard let suffix = longest(["sses", "ied", "ies", "s", "us", "ss"]) else { return }
        switch suffix {
        case "sses": replace(suffix, with: "ss")
        case "ied", "ies": replace(suffix, with: start(of: suffix) > 1 ? "i" : "ie")
        case "s":
            // Deleted when a vowel comes before the letter before the s (gaps, kiwis; not gas, this).
            if start(of: suffix) >= 2 && hasVowel(before: start(of: suffix) - 1) { letters.removeLast() }
        default: break
        }
    }

    private mutating func step1b() {
        guard let suffix = longest(["eed", "eedly", "ed", "edly", "ing", "ingly"]) else { return }
        if suffix == "eed" || suffix == "eedly" {
            if start(of: suffix) >= r1 { replace(suffix, with: "ee") }
            return
        }
        guard hasVowel(before: start(of: suffix)) else { return }
        letters.removeLast(suffix.utf8.count)
        if ends(with: "at") || ends(with: "bl") || ends(with: "iz") {
            letters.append(UInt8(ascii: "e"))
        } else if letters.count >= 2, letters[letters.count - 1] == letters[letters.count - 2],
            "bdfgmnprt".utf8.contains(letters[letters.count - 1])
        {
            letters.removeLast()
        } else if isShort {
            letters.append(UInt8(ascii: "e"))
        }
    }

    private mutating func step1c() {
        guard let last = letters.last, last == EnglishStemmer.y || last == EnglishStemmer.upperY,
            letters.count > 2, !Self.isVowel(letters[letters.count - 2])
        else { return }
        letters[letters.count - 1] = UInt8(ascii: "i")
    }

    private static let step2Rules: [String: String] = [
        "tional": "tion", "enci": "ence", "anci": "ance", "abli": "able", "entli": "ent", "izer": "ize",
        "ization": "ize", "ational": "ate", "ation": "ate", "ator": "ate", "alism": "al", "aliti": "al", "alli": "al",
        "fulness": "ful", "ousli": "ous", "ousness": "ous", "iveness": "ive", "iviti": "ive", "biliti": "ble",
        "bli": "ble", "ogi": "og", "fulli": "ful", "lessli": "less", "li": "",
    ]

    private mutating func step2() {
        guard let suffix = longest(Array(Self.step2Rules.keys)), start(of: suffix) >= r1 else { return }
        let before = start(of: suffix) > 0 ? letters[start(of: suffix) - 1] : 0
        switch suffix {
        case "ogi": if before == UInt8(ascii: "l") { replace(suffix, with: "og") }
        case "li": if "cdeghkmnrt".utf8.contains(before) { letters.removeLast(2) }
        default: replace(suffix, with: Self.step2Rules[suffix]!)
        }
    }

    private static let step3Rules: [String: String] = [
        "tional": "tion", "ational": "ate", "alize": "al", "icate": "ic", "iciti": "ic", "ical": "ic", "ful": "",
        "ness": "", "ative": "",
    ]

    private mutating func step3() {
        guard let suffix = longest(Array(Self.step3Rules.keys)), start(of: suffix) >= r1 else { return }
        if suffix == "ative" && start(of: suffix) < r2 { return }
        replace(suffix, with: Self.step3Rules[suffix]!)
    }

    private static let step4Suffixes = [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti", "ous",
        "ive", "ize", "ion",
    ]

    private mutating func step4() {
        guard let suffix = longest(Self.step4Suffixes), start(of: suffix) >= r2 else { return }
        if suffix == "ion" {
            let at = start(of: suffix)
            guard at > 0, letters[at - 1] == UInt8(ascii: "s") || letters[at - 1] == UInt8(ascii: "t") else { return }
        }
        letters.removeLast(suffix.utf8.count)
    }

    private mutating func step5() {
        guard let last = letters.last else { return }
        let at = letters.count - 1
        if last == UInt8(ascii: "e") {
            if at >= r2 || (at >= r1 && !endsInShortSyllable(at)) { letters.removeLast() }
        } else if last == UInt8(ascii: "l") {
            if at >= r2 && at > 0 && letters[at - 1] == UInt8(ascii: "l") { letters.removeLast() }
        }
    }
}
