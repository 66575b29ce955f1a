import Foundation

/// The search index: one JavaScript file, so search works offline, from file:// and under any path.
///
/// `window.STRATA_SEARCH` is `{pages, words, postings}`:
/// - `pages`: one entry per page, sorted by title: `t` title, `u` URL relative to the site root,
///   `s` summary, `h` headings, `g` what the page is filed under: its tags and, for a profile, its
///   layers, sector, chains and token (so `solana` finds the profiles on Solana). Search ranks
///   matches in these fields.
/// - `words`: every distinct word of every page's text (body and footnotes), folded (lower case,
///   accents removed), sorted by UTF-16 code units so the script can binary-search for a prefix.
/// - `postings[i]`: the pages (positions in `pages`) whose text holds `words[i]`, encoded by `encode`.
///
/// A word list instead of the text itself: a repeated word costs one page number, not its letters,
/// so every word of every page is findable while the index stays a fraction of the site's size.
enum SearchIndex {
    /// Longer "words" (hashes, base64, run-together URLs) are left out of the word list.
    static let maxWordBytes = 64

    /// The digits page numbers are written with; none needs escaping in JSON or in a `<script>`.
    /// The first 64 end a number, the other 27 are its leading digits (see `encode`).
    static let digits = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_!#$%&'()*+,./:;=>?@[]^`{|}~".utf8)
    static let finalBase = 64
    static let leadingBase = 27

    static func build(_ resolved: ResolvedSite) -> String {
        let site = resolved.site
        // Sorted by title, so the script breaks ties between equal scores by position alone.
        let order = site.pages.indices.filter { site.pages[$0].kind != .sectionIntro }
            .map { (index: $0, key: site.pages[$0].title.lowercased(), url: site.pages[$0].url) }
            .sorted { ($0.key, $0.url) < ($1.key, $1.url) }
            .map(\.index)

        var postings: [String: [Int32]] = [:]
        var output = "window.STRATA_SEARCH={\"pages\":[\n"
        for (position, index) in order.enumerated() {
            let page = site.pages[index]
            let document = resolved.documents[index]
            let rank = Int32(position)
            for text in [document.blocks.plainText, document.footnotes.flatMap(\.blocks).plainText] {
                forEachWord(in: text) { postings[$0, default: []].appendOnce(rank) }
            }
            if position > 0 { output += ",\n" }
            output +=
                "{\"t\":\(JSON.quote(page.title)),\"u\":\(JSON.quote(page.url)),"
                + "\"s\":\(JSON.quote(page.fields.summary ?? "")),"
                + "\"h\":\(JSON.quote(page.headings.map(\.text).joined(separator: " "))),"
                + "\"g\":\(JSON.quote(filedUnder(page, in: site).joined(separator: " ")))}"
        }
        let words = postings.sorted { $0.key.utf16.lexicographicallyPrecedes($1.key.utf16) }
        output += "\n],\"words\":[\n" + words.map { JSON.quote($0.key) }.joined(separator: ",\n")
        output += "\n],\"postings\":[\n" + words.map { "\"" + encode($0.value) + "\"" }.joined(separator: ",\n")
        return output + "\n]};\n"
    }

    /// The page's tags and, for a profile, its layers' titles, sector, chains and token ticker.
    static func filedUnder(_ page: Page, in site: Site) -> [String] {
        var terms = page.fields.tags.map(\.value)
        guard let project = page.fields.project else { return terms }
        terms += page.fields.layers.compactMap { site.layer($0.value).map { site.pages[$0].title } }
        if let sector = project.sector { terms.append(sector.value) }
        terms += project.chains.map(\.value)
        if case .ticker(let ticker) = project.token?.value { terms.append(ticker) }
        return terms
    }

    /// Ascending page numbers as gaps (each minus the previous, minus one; the first as is), each
    /// gap `n` written as `n / 64` in base 27 (leading digits, none when zero) then `n % 64`
    /// (one final digit). Pages that share a common word cost one character each.
    static func encode(_ pages: [Int32]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(pages.count)
        var previous = -1
        for page in pages {
            let gap = Int(page) - previous - 1
            previous = Int(page)
            var leading = gap / finalBase
            let start = bytes.count
            while leading > 0 {
                bytes.insert(digits[finalBase + leading % leadingBase], at: start)
                leading /= leadingBase
            }
            bytes.append(digits[gap % finalBase])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Calls `visit` with each word of `text`, folded: runs of letters, marks and digits (what the
    /// script's `[\p{L}\p{M}\p{N}]` matches), in lower case with accents removed.
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

extension [Int32] {
    /// Appends `page` unless it is already the last element: a page is listed once per word.
    fileprivate mutating func appendOnce(_ page: Int32) {
        if last != page { append(page) }
    }
}
