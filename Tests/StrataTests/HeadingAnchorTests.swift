import Testing

@testable import Strata

/// Every heading of a page's Markdown ends with a link to itself, named for screen readers.
@Suite struct HeadingAnchorTests {
    static func body(_ markdown: String) -> String {
        let files = MemorySite.files(["content/notes/a.md": "---\ntitle: A\n---\n" + markdown])
        return MemorySite.main(files["notes/a/index.html"])
    }

    @Test func everyLevelGetsAnAnchorNamedForItsText() {
        let html = Self.body("# Top\n\n## Fees & *\"tips\"*\n\n###### Deep [link](https://example.org/)\n")
        #expect(html.contains(##"<h1 id="top">Top <a class="anchor" href="#top" aria-label="Link to section: Top">#</a></h1>"##))
        #expect(
            html.contains(
                ##"<h2 id="fees--tips">Fees &amp; <em>&quot;tips&quot;</em> <a class="anchor" href="#fees--tips" aria-label="Link to section: Fees &amp; &quot;tips&quot;">#</a></h2>"##
            ))
        #expect(
            html.contains(
                ##"<h6 id="deep-link">Deep <a href="https://example.org/">link</a> <a class="anchor" href="#deep-link" aria-label="Link to section: Deep link">#</a></h6>"##
            ))
    }

    @Test func anEmptyHeadingStillGetsANamedAnchor() {
        let html = Self.body("Text.\n\n##\n")
        #expect(html.contains(##"<h2 id="section"><a class="anchor" href="#section" aria-label="Link to this section">#</a></h2>"##))
    }

    @Test func theTableOfContentsReadsTheTextWithoutTheAnchor() {
        let files = MemorySite.files(["content/notes/a.md": "---\ntitle: A\n---\n## One\n\n## Two\n\n## Three\n"])
        let page = files["notes/a/index.html"] ?? ""
        #expect(page.contains(##"<li class="toc-2"><a href="#one">One</a></li>"##))
    }
}
