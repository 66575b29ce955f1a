import Foundation
import Testing

@testable import Strata

/// The search index in pieces and the search page: what search.js relies on. `Index` reads
/// the files as search.js does, so the tests ask the questions a query asks.
@Suite struct SearchIndexTests {
    struct Entry {
        var key: String
        var isWord: Bool
        /// Per field, the pages.
        var lists: [[Int]]
        var mates: [String]
    }

    struct Index {
        var files: [String: String]
        var pages: Int
        var kinds: [(String, Int)]
        var firsts: [String]

        init(_ files: [String: String]) throws {
            self.files = files
            let entry = try #require(try SearchIndexTests.piece(files[GeneratedURLs.searchIndex], "index") as? [String: Any])
            pages = try #require(entry["pages"] as? Int)
            kinds = try #require(entry["kinds"] as? [[Any]]).map { ($0[0] as? String ?? "?", $0[1] as? Int ?? -1) }
            firsts = try #require(entry["words"] as? [String])
        }

        func fragment(_ page: Int) throws -> [String: String] {
            try #require(try SearchIndexTests.piece(files["search/pages/\(page).js"], "f\(page)") as? [String: String])
        }

        func title(_ page: Int) -> String { (try? fragment(page)["t"]) ?? "?" }

        func words(_ piece: Int) throws -> [Entry] {
            let value = try #require(try SearchIndexTests.piece(files["search/words/\(piece).js"], "w\(piece)") as? [[Any]])
            return try value.map(SearchIndexTests.entry)
        }

        func pieceOf(_ key: [UInt16]) -> Int {
            SearchPieces.piece(of: key, firsts: firsts.map { Array($0.utf16) })
        }

        /// search.js's `entries`: the keys starting with `term` and the mates of the key equal to it.
        func entries(_ term: String) throws -> [Entry] {
            let span = SearchPieces.span(of: Array(term.utf16), firsts: firsts.map { Array($0.utf16) })
            if span.count >= 3 {
                let name = SearchIndex.hex(term)
                let value = try #require(try SearchIndexTests.piece(files["search/prefix/\(name).js"], "p" + name) as? [[Any]])
                return try value.map(SearchIndexTests.entry)
            }
            let found = try span.flatMap(words).filter { $0.key.hasPrefix(term) }
            let mates = try found.first { $0.key == term }?.mates.compactMap { mate in
                try words(pieceOf(Array(mate.utf16))).first { $0.key == mate }
            }
            return found + (mates ?? [])
        }

        /// Per page, the best field any key starting with `term` (or a mate) has there.
        func best(_ term: String) throws -> [Int: SearchIndex.Field] {
            var best: [Int: Int] = [:]
            for entry in try entries(term) {
                for (field, pages) in entry.lists.enumerated() {
                    for page in pages { best[page] = min(best[page] ?? field, field) }
                }
            }
            return best.compactMapValues(SearchIndex.Field.init(rawValue:))
        }

        /// Titles of the pages a term finds, in page order.
        func titles(_ term: String) throws -> [String] { try best(term).keys.sorted().map(title) }
    }

    /// A piece's data: the script must be exactly `strataSearchPiece("name",JSON);`.
    static func piece(_ script: String?, _ name: String) throws -> Any {
        let script = try #require(script, "no piece \(name)")
        let prefix = "strataSearchPiece(\"\(name)\","
        #expect(script.hasPrefix(prefix) && script.hasSuffix(");\n"))
        let json = script.dropFirst(prefix.count).dropLast(3)
        return try JSONSerialization.jsonObject(with: Data(json.utf8))
    }

    static func entry(_ value: [Any]) throws -> Entry {
        let lists = try #require(value[2] as? [Any]).map { list -> [Int] in
            if let gaps = list as? String { return decodeGaps(gaps) }
            return decodeBitmap((list as? [String])?.first ?? "")
        }
        return Entry(
            key: try #require(value[0] as? String), isWord: (value[1] as? Int) == 1, lists: lists,
            mates: value.count > 3 ? try #require(value[3] as? [String]) : [])
    }

    /// search.js's gap decoding: leading digits (base 27) and one final digit (base 64) per gap.
    static func decodeGaps(_ code: String) -> [Int] {
        var pages: [Int] = []
        var page = -1
        var high = 0
        for byte in code.utf8 {
            let digit = PostingList.digits.firstIndex(of: byte)!
            if digit >= 64 {
                high = high * 27 + digit - 64
            } else {
                page += high * 64 + digit + 1
                pages.append(page)
                high = 0
            }
        }
        return pages
    }

    static func decodeBitmap(_ code: String) -> [Int] {
        code.utf8.enumerated().flatMap { offset, byte in
            let bits = PostingList.digits.firstIndex(of: byte)!
            return (0..<6).filter { bits & (1 << $0) != 0 }.map { offset * 6 + $0 }
        }
    }

    static let filler = String(repeating: "Validators stake tokens to secure the subnet. ", count: 30)

    static let pages: [String: String] = [
        "content/index.md": "---\ntitle: Home\n---\n\nWelcome.\n",
        "content/about.md": "---\ntitle: About\nsummary: Who writes this.\n---\n\nA small team.\n",
        "content/notes/_index.md": "---\ntitle: Notes\n---\n\nIntro text of the notes section, sectionintroword.\n",
        "content/notes/gpu-markets.md": """
        ---
        title: GPU markets
        summary: Where compute is bought.
        tags: [gpu, markets]
        ---

        ## Pricing

        \(filler)The last word here is zanzibarite.

        Repeated repeated repeated repeated.[^1]

        [^1]: A footnote names footnoteword.
        """,
        "content/stack/compute.md": "---\ntitle: Compute layer\norder: 1\n---\n",
        "content/projects/gridline.md": """
        ---
        title: Gridline
        layers: [compute]
        direction: crypto-for-ai
        sector: depin
        chains: [solana, base]
        token: GRID
        tags: [gpu]
        assessment:
          needs-crypto: partly
          verdict: mixed
        ---

        Rents out idle GPUs for training; it trains nightly.
        """,
        "content/notes/zurich.md": """
        ---
        title: Zürich meetup
        ---

        Notes from ZÜRICH about fine-tuning and the École.
        """,
        "content/notes/secret.md": """
        ---
        title: Secret plan
        draft: true
        ---

        Only the draft says draftonlyword.
        """,
    ]

    static let files = MemorySite.files(pages)

    @Test func pagesAreNumberedByKindThenTitleWithAFragmentEach() throws {
        let index = try Index(Self.files)
        #expect(index.pages == 6)
        #expect(index.kinds.map(\.0) == ["layer", "profile", "note", "page"])
        #expect(index.kinds.map(\.1) == [1, 1, 2, 2])
        #expect((0..<6).map(index.title) == ["Compute layer", "Gridline", "GPU markets", "Zürich meetup", "About", "Home"])
        for page in 0..<6 {
            let url = try #require(try index.fragment(page)["u"])
            #expect(!url.hasPrefix("/") && !url.contains("://") && !url.contains(".."), "\(url) is not site-relative")
            #expect(Self.files[OutputFile.path(for: url)] != nil, "\(url) names no page of the output")
        }
        let gpu = try index.fragment(2)
        #expect(gpu["u"] == "notes/gpu-markets/" && gpu["s"] == "Where compute is bought.")
        #expect(gpu["x"]?.hasPrefix("Pricing Validators stake tokens") == true)
        #expect(Self.files["search/pages/6.js"] == nil)
    }

    @Test func fragmentsKeepTheStartOfTheTextUpToAWord() throws {
        let body = String(repeating: "alpha beta ", count: 400)
        let index = try Index(MemorySite.files(["content/notes/a.md": "---\ntitle: A\n---\n\n\(body)\n"]))
        let text = try #require(try index.fragment(0)["x"])
        #expect(text.count <= SearchFragment.textLimit + 2 && text.hasSuffix("a …"))
    }

    /// Where a word occurs, per page, decides its rank: every place search ranked before is kept.
    @Test func eachPostingSaysWhereTheWordIs() throws {
        let index = try Index(Self.files)
        #expect(try index.best("gridline") == [1: .wholeTitle])
        #expect(try index.best("gpu") == [1: .filedUnder, 2: .firstTitleWord], "a tag, a title word")
        #expect(try index.best("markets") == [2: .titleWord])
        #expect(try index.best("arkets") == [2: .insideTitle], "inside a title word")
        #expect(try index.best("bought") == [2: .summary])
        #expect(try index.best("ought") == [2: .summary], "inside a summary word")
        #expect(try index.best("pricing") == [2: .filedUnder], "headings")
        #expect(try index.best("zanzibarite") == [2: .text])
        #expect(try index.best("zanzib") == [2: .text], "a body word by its start")
        #expect(try index.best("anzibarite") == [:], "not inside a body word")
    }

    /// A profile is found by what it is filed under: its layers, sector, chains and token.
    @Test func aProfileIsFiledUnderItsLayersSectorChainsAndToken() throws {
        let index = try Index(Self.files)
        for term in ["solana", "base", "depin", "grid"] {
            #expect(try index.best(term)[1] != nil, "\(term)")
        }
        #expect(try index.best("solana") == [1: .filedUnder])
        #expect(try index.best("compute") == [0: .firstTitleWord, 1: .filedUnder, 2: .summary])
    }

    @Test func draftsAndSectionIntrosAreAbsent() throws {
        for (path, text) in Self.files where path.hasPrefix("search/") && path.hasSuffix(".js") {
            #expect(!text.contains("Secret plan") && !text.contains("draftonlyword"), "\(path)")
            #expect(!text.contains("sectionintroword"), "\(path)")
        }
    }

    @Test func everyWordOfTheTextFindsItsPage() throws {
        let index = try Index(Self.files)
        #expect(Self.filler.count > 600)
        #expect(try index.titles("footnoteword") == ["GPU markets"])
        #expect(try index.titles("the") == ["GPU markets", "Zürich meetup"])
        #expect(try index.titles("repeated") == ["GPU markets"])
    }

    @Test func wordsAreFoldedAndSplit() throws {
        let index = try Index(Self.files)
        for word in ["zurich", "ecole", "fine", "tuning"] {
            #expect(try index.titles(word) == ["Zürich meetup"], "\(word)")
        }
        let keys = try (0..<index.firsts.count).flatMap(index.words).map(\.key)
        #expect(!keys.contains("fine-tuning") && !keys.contains("zürich"))
        #expect(Set(keys).count == keys.count)
        #expect(keys == keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) })
    }

    /// A word of the site finds the other words with its stem: `gpus` the pages with `gpu`.
    @Test func aWordFindsItsStemGroup() throws {
        let index = try Index(Self.files)
        #expect(try index.titles("gpus") == ["Gridline", "GPU markets"])
        #expect(try index.titles("training") == ["Gridline"])
        let entries = try index.entries("training")
        #expect(entries.first { $0.key == "training" }?.mates == ["trains"])
        #expect(entries.first { $0.key == "gpu" } == nil, "mates come from the same stem only")
        #expect(try index.entries("gpus").first { $0.key == "gpus" }?.mates == ["gpu"])
        #expect(SearchVocabulary.stemMates(keys: ["bus", "campus"], isWord: [true, true]) == [[], []])
        #expect(SearchVocabulary.stemMates(keys: ["bu", "bus"], isWord: [true, true]) == [[], ["bu"]])
        #expect(SearchVocabulary.stemMates(keys: ["menu", "menus"], isWord: [true, true]) == [[], ["menu"]])
        #expect(SearchVocabulary.stemMates(keys: ["train", "trains"], isWord: [true, false]) == [[], []])
    }

    /// With pieces of a few hundred bytes, every prefix of every key finds through the pieces or
    /// its merged file exactly the pages a scan of the whole vocabulary finds.
    @Test func everyPrefixFindsTheSamePagesFromItsPieces() throws {
        var site: [String: String] = [:]
        for page in 0..<40 {
            let words = (0..<30).map { "w\(($0 * 7 + page * 3) % 97)x\($0 % 5)" }.joined(separator: " ")
            site["content/notes/n\(page).md"] = "---\ntitle: Note \(page)\n---\n\n\(words) casa cases case\n"
        }
        let resolved = try MemorySite.resolved(site)
        let vocabulary = try #require(SearchVocabulary(resolved, order: SearchIndex.order(resolved.site)))
        let pieces = try #require(SearchPieces(vocabulary, pieceBytes: 300))
        #expect(pieces.pieces.count > 20)
        #expect(!pieces.merged.isEmpty)
        var files: [String: String] = [
            GeneratedURLs.searchIndex: SearchIndex.script(
                "index", #"{"pages":40,"kinds":[],"words":["# + pieces.firsts.map(JSON.quote).joined(separator: ",") + "]}")
        ]
        for (number, entries) in pieces.pieces.enumerated() {
            files["search/words/\(number).js"] = SearchIndex.script("w\(number)", "[" + entries.joined(separator: ",") + "]")
        }
        for (prefix, entry) in pieces.merged {
            files["search/prefix/\(SearchIndex.hex(prefix)).js"] = SearchIndex.script("p" + SearchIndex.hex(prefix), "[" + entry + "]")
        }
        let index = try Index(files)
        let prefixes = Set(vocabulary.keys.flatMap { key in (1...key.count).map { String(key.prefix($0)) } })
        for prefix in prefixes.sorted() {
            var expected: [Int: Int] = [:]
            for (at, key) in vocabulary.keys.enumerated() where key.hasPrefix(prefix) {
                for posting in vocabulary.postings[at] {
                    expected[Int(posting.page)] = min(expected[Int(posting.page)] ?? 9, Int(posting.field))
                }
            }
            if let at = vocabulary.keys.firstIndex(of: prefix) {
                for mate in vocabulary.mates[at] {
                    for posting in vocabulary.postings[vocabulary.keys.firstIndex(of: mate)!] {
                        expected[Int(posting.page)] = min(expected[Int(posting.page)] ?? 9, Int(posting.field))
                    }
                }
            }
            #expect(try index.best(prefix).mapValues(\.rawValue) == expected, "\(prefix)")
        }
    }

    @Test func textCannotEndTheScript() throws {
        let hostile = "</script><script>alert(1)</script><!-- \u{2028}x\u{2029}"
        // YAML's own escapes for U+2028 and U+2029, which it would otherwise read as line breaks.
        let yaml = #""</script><script>alert(1)</script><!-- \Lx\P""#
        let files = MemorySite.files([
            "content/notes/evil.md": """
            ---
            title: \(yaml)
            summary: \(yaml)
            tags: [script]
            ---

            ## \(hostile)

            Text \(hostile) and `</SCRIPT>` in code.
            """
        ])
        let scripts = files.filter { $0.key.hasPrefix("search/") && $0.key.hasSuffix(".js") }
        #expect(scripts.count >= 3)
        for (path, script) in scripts {
            // No "<" at all: neither `</script>` nor `<!--` can appear, in any case.
            #expect(!script.contains("<"), "\(path)")
            #expect(!script.contains("\u{2028}") && !script.contains("\u{2029}"), "\(path)")
        }
        // Escaped, not dropped: the page still reads the text as written.
        let page = try Index(files).fragment(0)
        #expect(page["t"] == hostile && page["s"] == hostile, "\(page)")
    }

    @Test func pageListsRoundTripAsGapsOrBitmaps() {
        let sparse: [Int32] = [0, 1, 2, 65, 129, 1856, 1857, 50_000, 1_000_000]
        #expect(PostingList.json(sparse) == "\"" + PostingList.gaps(sparse) + "\"")
        #expect(Self.decodeGaps(PostingList.gaps(sparse)) == sparse.map(Int.init))
        #expect(PostingList.gaps([0, 1, 2, 3]) == "AAAA", "neighbouring pages cost one character each")
        let dense = (0..<1000).filter { $0 % 3 != 0 }.map(Int32.init)
        #expect(PostingList.json(dense) == "[\"" + PostingList.bitmap(dense) + "\"]")
        #expect(PostingList.bitmap(dense).count == 167)
        #expect(Self.decodeBitmap(PostingList.bitmap(dense)) == dense.map(Int.init))
        #expect(PostingList.json([]) == "\"\"")
        for unsafe in ["\"", "\\", "<"] {
            #expect(!PostingList.digits.contains(UInt8(ascii: unsafe.unicodeScalars.first!)))
        }
        #expect(Set(PostingList.digits).count == PostingList.finalBase + PostingList.leadingBase)
    }

    @Test func repeatedTextDoesNotGrowTheWordPieces() throws {
        func pieces(_ body: String) -> [String: String] {
            MemorySite.files(["content/notes/a.md": "---\ntitle: A\n---\n\n\(body)\n"])
                .filter { $0.key.hasPrefix("search/words/") || $0.key == GeneratedURLs.searchIndex }
        }
        #expect(pieces(String(repeating: "GPU latency. ", count: 10_000)) == pieces("GPU latency."))
    }

    @Test func everyPageHasTheHeaderComboboxAndTheScript() throws {
        let html = try #require(Self.files["notes/gpu-markets/index.html"])
        #expect(html.contains(#"<form class="search-box" role="search" action="../../search/" method="get" data-index="../../search/" data-root="../../">"#))
        #expect(html.contains(#"role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="site-search-list""#))
        #expect(html.contains(#"<ul id="site-search-list" class="search-list" role="listbox" aria-label="Top results" hidden></ul>"#))
        #expect(html.contains(#"<script src="../../assets/search.js" defer></script>"#))
        // The index itself loads on the first focus of the box, not with the page.
        #expect(!html.contains("search/index.js"))
    }

    @Test func searchPageHasOneBoxAndTheKindFilter() throws {
        let html = try #require(Self.files["search/index.html"])
        #expect(html.contains(#"<input id="search-query" type="search" name="q""#))
        #expect(html.contains(#"<body class="template-search">"#), "the stylesheet hides the header's box here")
        #expect(html.contains(#"<select id="search-kind" name="kind"><option value="">All kinds</option>"#))
        #expect(html.contains(#"<p id="search-status" role="status""#))
        #expect(html.contains(#"<ol id="search-results" class="items" data-root="../">"#))
        #expect(html.contains("<noscript>") && html.contains(#"<a href="../projects/">projects</a>"#))
    }

    @Test func aStoppedIndexIsNoIndexAndAnUnstoppedOneIsWhole() throws {
        var site: [String: String] = [:]
        for page in 0..<(SiteRenderer.pagesBetweenStops * 2) {
            site["content/notes/n\(page).md"] = "---\ntitle: Note \(page)\n---\n\nword\(page) common\n"
        }
        let resolved = try MemorySite.resolved(site)
        var asked = 0
        let stopped = SearchIndex.build(resolved) {
            asked += 1
            return asked > 1
        }
        #expect(stopped == nil)
        #expect(asked == 2, "asked again after the first \(SiteRenderer.pagesBetweenStops) pages")
        let whole = try #require(SearchIndex.build(resolved, stop: { false }))
        #expect(whole == SearchIndex.build(resolved))
        #expect(whole.contains { $0.path == GeneratedURLs.searchIndex })
    }
}
