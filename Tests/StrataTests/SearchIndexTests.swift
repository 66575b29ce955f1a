import Foundation
import Testing

@testable import Strata

/// `search/index.js` and the search page: what the browser-side search relies on.
@Suite struct SearchIndexTests {
    /// The index as the browser sees it: pages, and per word of the text the pages holding it.
    struct Index {
        var pages: [[String: String]]
        var words: [String]
        var postings: [String]

        /// Titles of the pages whose text holds `word`, decoded as search.js decodes them.
        func titles(withWord word: String) -> [String] {
            guard let at = words.firstIndex(of: word) else { return [] }
            return SearchIndexTests.decode(postings[at]).map { pages[$0]["t"] ?? "?" }
        }
    }

    /// search.js's `mark`: leading digits (base 27) and one final digit (base 64) per gap.
    static func decode(_ code: String) -> [Int] {
        var pages: [Int] = []
        var page = -1
        var high = 0
        for byte in code.utf8 {
            let digit = SearchIndex.digits.firstIndex(of: byte)!
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

    /// Parses `search/index.js`: one assignment of a JSON value, so it is safe to load by `<script>`.
    static func parse(_ script: String?) throws -> Index {
        let script = try #require(script)
        let prefix = "window.STRATA_SEARCH="
        #expect(script.hasPrefix(prefix) && script.hasSuffix(";\n"))
        let json = script.dropFirst(prefix.count).dropLast(2)
        let value = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return Index(
            pages: try #require(value?["pages"] as? [[String: String]]),
            words: try #require(value?["words"] as? [String]),
            postings: try #require(value?["postings"] as? [String]))
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

        Rents out idle cards.
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

    @Test func eachPageOnceWithItsTitleAndARelativeURL() throws {
        let index = try Self.parse(Self.files["search/index.js"])
        let urls = index.pages.compactMap { $0["u"] }
        #expect(
            urls.sorted() == ["", "about/", "notes/gpu-markets/", "notes/zurich/", "projects/gridline/", "stack/compute/"])
        for page in index.pages {
            let url = try #require(page["u"])
            #expect(!url.hasPrefix("/") && !url.contains("://") && !url.contains(".."), "\(url) is not site-relative")
            #expect(Self.files[OutputFile.path(for: url)] != nil, "\(url) names no page of the output")
        }
        #expect(
            index.pages.map { $0["t"] ?? "" } == [
                "About", "Compute layer", "GPU markets", "Gridline", "Home", "Zürich meetup",
            ])
        let gpu = try #require(index.pages.first { $0["u"] == "notes/gpu-markets/" })
        #expect(
            gpu == [
                "t": "GPU markets", "u": "notes/gpu-markets/", "s": "Where compute is bought.", "h": "Pricing",
                "g": "gpu markets",
            ])
    }

    /// A profile is found by what it is filed under: its layers, sector, chains and token, with its tags.
    @Test func aProfileIsFiledUnderItsLayersSectorChainsAndToken() throws {
        let index = try Self.parse(Self.files["search/index.js"])
        let profile = try #require(index.pages.first { $0["u"] == "projects/gridline/" })
        #expect(profile["g"] == "gpu Compute layer depin solana base GRID")
    }

    @Test func draftsAndSectionIntrosAreAbsent() throws {
        let script = try #require(Self.files["search/index.js"])
        #expect(!script.contains("Secret plan"))
        #expect(!script.contains("draftonlyword"))
        #expect(!script.contains("sectionintroword"))
    }

    @Test func everyWordOfTheTextFindsItsPage() throws {
        let index = try Self.parse(Self.files["search/index.js"])
        // Past the first 600 characters, and in a footnote.
        #expect(Self.filler.count > 600)
        #expect(index.titles(withWord: "zanzibarite") == ["GPU markets"])
        #expect(index.titles(withWord: "footnoteword") == ["GPU markets"])
        #expect(index.titles(withWord: "pricing") == ["GPU markets"], "headings are text too")
        #expect(index.titles(withWord: "the") == ["GPU markets", "Zürich meetup"])
        // Listed once per page however often it is written.
        #expect(index.titles(withWord: "repeated") == ["GPU markets"])
    }

    @Test func wordsAreFoldedSplitAndSortedForPrefixSearch() throws {
        let index = try Self.parse(Self.files["search/index.js"])
        for word in ["zurich", "ecole", "fine", "tuning"] {
            #expect(index.titles(withWord: word) == ["Zürich meetup"], "\(word)")
        }
        #expect(!index.words.contains("fine-tuning") && !index.words.contains("Zürich"))
        #expect(Set(index.words).count == index.words.count)
        // JavaScript compares strings by UTF-16 code units: search.js binary-searches in that order.
        #expect(index.words == index.words.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) })
        #expect(index.words.count == index.postings.count)
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
        let script = try #require(files["search/index.js"])
        // No "<" at all: neither `</script>` nor `<!--` can appear, in any case.
        #expect(!script.contains("<"))
        #expect(!script.contains("\u{2028}") && !script.contains("\u{2029}"))
        // Escaped, not dropped: the page still reads the text as written.
        let page = try #require(try Self.parse(script).pages.first)
        #expect(page["t"] == hostile && page["s"] == hostile, "\(page)")
    }

    @Test func pageNumbersRoundTrip() {
        let pages: [Int32] = [0, 1, 2, 65, 129, 1856, 1857, 50_000, 1_000_000]
        #expect(Self.decode(SearchIndex.encode(pages)) == pages.map(Int.init))
        #expect(SearchIndex.encode([0, 1, 2, 3]) == "AAAA", "neighbouring pages cost one character each")
        for unsafe in ["\"", "\\", "<"] {
            #expect(!SearchIndex.digits.contains(UInt8(ascii: unsafe.unicodeScalars.first!)))
        }
        #expect(Set(SearchIndex.digits).count == SearchIndex.finalBase + SearchIndex.leadingBase)
    }

    @Test func repeatedTextDoesNotGrowTheIndex() throws {
        let short = try #require(
            MemorySite.files(["content/notes/a.md": "---\ntitle: A\n---\n\nGPU latency.\n"])["search/index.js"])
        let body = String(repeating: "GPU latency. ", count: 10_000)
        let long = try #require(
            MemorySite.files(["content/notes/a.md": "---\ntitle: A\n---\n\n\(body)\n"])["search/index.js"])
        #expect(long == short)
    }

    @Test func searchPageLoadsTheIndexAsAScript() throws {
        let html = try #require(Self.files["search/index.html"])
        // A <script src>, not fetch: it loads from file:// too. Paths are relative to search/.
        #expect(html.contains(#"<script src="../search/index.js"></script>"#))
        #expect(html.contains(#"<script src="../assets/search.js"></script>"#))
        #expect(html.contains(#"<input id="search-query" type="search" name="q""#))
        #expect(html.contains(#"<p id="search-status" role="status""#))
        #expect(html.contains(#"<ol id="search-results" class="items" data-root="../">"#))
        // Without JavaScript the page says so and links to the indexes.
        #expect(html.contains("<noscript>") && html.contains(#"<a href="../projects/">projects</a>"#))
    }
}
