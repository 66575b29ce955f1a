import Testing

@testable import Strata

/// The output carries no markup the author did not mean: front matter text is escaped everywhere,
/// and raw HTML in Markdown is dropped unless site.yml sets `unsafe_html: true`.
@Suite struct EscapingTests {
    static let hostile = #"<script>alert("x")</script> & 'q'"#
    static let escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;"

    static let pages: [String: String] = [
        "content/stack/compute.md": "---\ntitle: Compute\norder: 1\n---\n",
        "content/projects/evil.md": """
        ---
        title: '\(hostile.replacingOccurrences(of: "'", with: "''"))'
        summary: '\(hostile.replacingOccurrences(of: "'", with: "''"))'
        layers: [compute]
        direction: crypto-for-ai
        token: '<b>TOK</b>'
        relations:
          - {type: runs-on, target: other, note: '<i>note</i>'}
        metrics:
          - {name: '<u>users</u>', value: '<em>5</em>', as_of: 2026-01-01, source: s}
        assessment:
          needs-crypto: {answer: "yes", note: 'Says "maybe" <img src=x onerror=alert(1)>'}
          verdict: signal
        sources:
          - {id: s, title: '<b>Source</b>', url: 'https://example.org/?a=1&b=2', publisher: '<i>P</i>'}
        tags: [x]
        reviewed: 2026-11-01
        ---

        Body [@s].
        """,
        "content/projects/other.md": """
        ---
        title: Other
        layers: [compute]
        direction: crypto-for-ai
        assessment: {needs-crypto: "no", verdict: noise}
        reviewed: 2026-11-01
        ---

        See [[evil]].
        """,
    ]

    static let files = MemorySite.files(pages)

    @Test func noPageCarriesTheScript() {
        #expect(!Self.files.isEmpty)
        // HTML, XML and the search script; the CSV is data, where the text is kept as written.
        for (path, text) in Self.files where !path.hasSuffix(".csv") {
            #expect(!text.contains("<script>alert"), "\(path) carries the script from front matter")
            #expect(!text.contains("<img src=x"), "\(path) carries the image tag from front matter")
            #expect(!text.contains("<b>"), "\(path) carries markup from front matter")
        }
    }

    @Test func profileEscapesEveryField() throws {
        let html = try #require(Self.files["projects/evil/index.html"])
        #expect(html.contains("<title>\(Self.escaped) · Memory Site</title>"))
        #expect(html.contains(#"<meta name="description" content="\#(Self.escaped)">"#))
        #expect(html.contains("<h1>\(Self.escaped) <span"))
        #expect(html.contains("<title>Relations of \(Self.escaped)</title>"), "the relation graph's name")
        #expect(html.contains(#"<p class="lead">\#(Self.escaped)</p>"#))
        #expect(html.contains(#"<dt>Token</dt><dd><span class="token">&lt;b&gt;TOK&lt;/b&gt;</span></dd>"#))
        #expect(html.contains(#"<td>&lt;u&gt;users&lt;/u&gt;</td><td class="num">&lt;em&gt;5&lt;/em&gt;</td>"#))
        #expect(html.contains(#"<p class="note">Says &quot;maybe&quot; &lt;img src=x onerror=alert(1)&gt;</p>"#))
        #expect(
            html.contains(
                #"<a href="https://example.org/?a=1&amp;b=2">&lt;b&gt;Source&lt;/b&gt;</a>, &lt;i&gt;P&lt;/i&gt;"#))
        #expect(html.contains(#"<span class="note">&lt;i&gt;note&lt;/i&gt;</span>"#))
    }

    @Test func listsAndLinksEscapeTitles() throws {
        let other = try #require(Self.files["projects/other/index.html"])
        #expect(other.contains(#"<p>See <a href="../evil/">\#(Self.escaped)</a>.</p>"#))
        let index = try #require(Self.files["projects/index.html"])
        #expect(index.contains(#"<th scope="row"><a href="../projects/evil/">\#(Self.escaped)</a></th>"#))
        let scorecard = try #require(Self.files["scorecard/index.html"])
        #expect(scorecard.contains(#"<p>Says &quot;maybe&quot; &lt;img src=x onerror=alert(1)&gt;</p>"#))
    }

    @Test func searchIndexAndDataEscape() throws {
        let title = #""t":"\u003cscript>alert(\"x\")\u003c/script> & 'q'""#
        #expect(Self.files.contains { $0.key.hasPrefix("search/pages/") && $0.value.contains(title) })
        let json = try #require(Self.files["api/projects.json"])
        #expect(json.contains(#""title": "\u003cscript>alert(\"x\")\u003c/script> & 'q'""#))
    }

    // MARK: Raw HTML in Markdown

    static let rawBody = """
        ---
        title: Raw
        ---

        <div onclick="x()">block</div>

        Inline <script>alert(1)</script> and <b>bold</b>.
        """

    @Test func rawHTMLIsDroppedWithAWarning() throws {
        let result = MemorySite.render(["content/notes/raw.md": Self.rawBody])
        let files = try result.get()
        let html = MemorySite.main(files["notes/raw/index.html"])
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<div onclick"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("<p>Inline alert(1) and bold.</p>"))
        var options = MemorySite.options
        options.strict = true
        #expect(throws: BuildFailure.self) {
            try Pipeline.render(MemorySite.source(["content/notes/raw.md": Self.rawBody]), options: options)
        }
    }

    @Test func rawHTMLWarningNamesTheFirstTag() throws {
        var source = MemorySite.source(["content/notes/raw.md": Self.rawBody])
        source.siteConfig = MemorySite.config
        let warnings = try Pipeline.render(source, options: MemorySite.options).warnings.map(\.description)
        #expect(
            warnings == [
                "content/notes/raw.md:5:1: warning: raw HTML is left out of the page; set 'unsafe_html: true' in content/site.yml to keep it"
            ])
    }

    @Test func rawHTMLIsKeptWithUnsafeHTML() throws {
        let config = MemorySite.config + "\nunsafe_html: true\n"
        let result = MemorySite.render(["content/notes/raw.md": Self.rawBody], config: config)
        let files = try result.get()
        let html = MemorySite.main(files["notes/raw/index.html"])
        #expect(html.contains(#"<div onclick="x()">block</div>"#))
        // GitHub's tagfilter still applies: a <script> tag shows as text.
        #expect(html.contains("<p>Inline &lt;script>alert(1)&lt;/script> and <b>bold</b>.</p>"))
    }

    @Test func scriptLinksAreRefused() throws {
        let page = "---\ntitle: L\n---\n\n[a](javascript:alert(1)) [b](JavaScript:x) [c](https://example.org/a b)\n"
        let html = MemorySite.main(MemorySite.files(["content/notes/l.md": page])["notes/l/index.html"])
        // Left out with their text kept (LinkSchemeTests has the warnings).
        #expect(html.contains("<p>a b [c]("))
        #expect(!html.lowercased().contains("javascript"))
    }

    @Test func htmlEscape() {
        #expect(HTML.escape(#"a<b>&"c"'d"#) == "a&lt;b&gt;&amp;&quot;c&quot;&#39;d")
        #expect(HTML.escape("plain") == "plain")
        #expect(HTML.escapeURL(" javascript:alert(1)") == "#")
        #expect(HTML.escapeURL("data:text/html,<x>") == "#")
        #expect(HTML.escapeURL("a b.png") == "a%20b.png")
    }
}
