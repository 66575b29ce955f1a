/// The search index, in pieces, so a query loads a few tens of kilobytes whatever the size of
/// the site. Every piece is a script that calls `strataSearchPiece(name, data)`: search.js adds
/// pieces as `<script>` elements, so search works offline, from `file://` and under any path.
///
/// - `search/index.js`, the entry: `{pages, kinds, words}`: the number of pages; the page kinds
///   as `[name, count]` in page order (pages are numbered by kind, then title, so a kind is a
///   range of page numbers); and the first key of each word piece (`""` for the first).
/// - `search/words/N.js`: keys from `words[N]` up to `words[N + 1]`, sorted by UTF-16 code
///   units. A key is a folded word of a page, or the end of a word of a title, heading, tag or
///   summary (so `tensor` finds *Bittensor* there). Each is `[key, isWord, lists, mates?]`:
///   `lists[f]` holds the pages where the key's best place is field `f` (`Field`), as a
///   `PostingList`; `mates` are the words with the same English stem that do not start with
///   the key (`gpus` → `gpu`), whose lists a query for exactly this word adds.
/// - `search/prefix/HEX.js`: for a prefix whose keys spread over three pieces or more (`c`,
///   `co`), the merged lists of all of them, so a short query loads one file; HEX is the
///   prefix's UTF-8 in hexadecimal.
/// - `search/pages/N.js`: page N's title, URL, summary and the start of its text, for the
///   results shown (`SearchFragment`).
enum SearchIndex {
    static let wordsFolder = GeneratedURLs.searchFolders[0]
    static let prefixFolder = GeneratedURLs.searchFolders[1]
    static let pagesFolder = GeneratedURLs.searchFolders[2]
    /// A word piece is closed once it holds this many bytes.
    static let pieceBytes = 24_000

    /// Where a key occurs on a page, best first; a page is listed once per key, at its best.
    enum Field: Int, CaseIterable {
        /// The whole title is this one word.
        case wholeTitle
        case firstTitleWord
        case titleWord
        /// The end of a title word (`tensor` in *Bittensor*).
        case insideTitle
        /// Headings, tags, and for a profile its layers, sector, chains and token.
        case filedUnder
        case summary
        case text
    }

    /// Page kinds as search shows them, in page order.
    static let kinds = ["layer", "profile", "note", "page"]

    static func kindRank(_ kind: PageKind) -> Int {
        switch kind {
        case .layer: 0
        case .project: 1
        case .note: 2
        default: 3
        }
    }

    /// The pages search lists (not section intros), by kind, then title, then URL.
    static func order(_ site: Site) -> [Int] {
        site.pages.indices.filter { site.pages[$0].kind != .sectionIntro }
            .map { (index: $0, kind: kindRank(site.pages[$0].kind), title: site.pages[$0].title.lowercased()) }
            .sorted { ($0.kind, $0.title, site.pages[$0.index].url) < ($1.kind, $1.title, site.pages[$1.index].url) }
            .map(\.index)
    }

    /// The entry file, the word pieces and the merged prefixes; nil when `stop` said to stop
    /// (the preview drops an index a newer save makes stale).
    static func build(_ resolved: ResolvedSite, stop: () -> Bool = { false }) -> [OutputFile]? {
        let order = order(resolved.site)
        guard let vocabulary = SearchVocabulary(resolved, order: order, stop: stop) else { return nil }
        guard let pieces = SearchPieces(vocabulary, stop: stop) else { return nil }
        var kindCounts = [Int](repeating: 0, count: kinds.count)
        for index in order { kindCounts[kindRank(resolved.site.pages[index].kind)] += 1 }
        let kindsJSON = zip(kinds, kindCounts).map { "[\(JSON.quote($0)),\($1)]" }.joined(separator: ",")
        let entry =
            "{\"pages\":\(order.count),\"kinds\":[\(kindsJSON)],\"words\":["
            + pieces.firsts.map(JSON.quote).joined(separator: ",") + "]}"
        var files = [OutputFile(path: GeneratedURLs.searchIndex, text: script("index", entry))]
        for (number, entries) in pieces.pieces.enumerated() {
            files.append(
                OutputFile(
                    path: wordsFolder + "\(number).js",
                    text: script("w\(number)", "[\n" + entries.joined(separator: ",\n") + "\n]")))
        }
        for (prefix, entry) in pieces.merged {
            let name = hex(prefix)
            files.append(OutputFile(path: prefixFolder + name + ".js", text: script("p" + name, "[" + entry + "]")))
        }
        return files
    }

    static func script(_ name: String, _ json: String) -> String {
        "strataSearchPiece(\"\(name)\",\(json));\n"
    }

    /// The prefix's UTF-8 bytes in lower-case hexadecimal, as search.js names the file.
    static func hex(_ text: String) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        for byte in text.utf8 { bytes += [digits[Int(byte >> 4)], digits[Int(byte & 15)]] }
        return String(decoding: bytes, as: UTF8.self)
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
}
