import Testing

@testable import Strata

/// `[@a; @b]` cites several sources in one bracket, as Pandoc writes it; each id is checked on its own.
@Suite struct CitationGroupTests {
    static let sources = """
        sources:
          - {id: a, title: Source A}
          - {id: b, title: Source B}
        """

    @Test func aGroupIsOneBracketWithAnIDPerSource() {
        let document = MarkdownTests.parse("See [@a; @b] and [@b;@c].\n")
        let path = "content/notes/a.md"
        #expect(
            document.blocks == [
                .paragraph([
                    .text("See "),
                    .citation([
                        Citation(id: "a", location: SourceLocation(path: path, line: 1, column: 5)),
                        Citation(id: "b", location: SourceLocation(path: path, line: 1, column: 10)),
                    ]),
                    .text(" and "),
                    .citation([
                        Citation(id: "b", location: SourceLocation(path: path, line: 1, column: 18)),
                        Citation(id: "c", location: SourceLocation(path: path, line: 1, column: 22)),
                    ]),
                    .text("."),
                ])
            ])
        #expect(document.citations == ["a", "b", "b", "c"])
    }

    @Test func notAGroupStaysText() {
        for text in ["[@a;]", "[@a @b]", "[@a; b]", "[see @a]", "[@a;; @b]"] {
            #expect(MarkdownTests.parse(text + "\n").citations.isEmpty, "\(text) is a citation")
        }
    }

    @Test func aGroupRendersEveryNumberAsItsOwnLink() {
        #expect(
            MarkdownTests.html("One [@b; @a] two [@b].", sources: ["a": 1, "b": 2]) == """
                <p>One <sup class="citation">[<a href="#source-2" id="cite-2-1">2</a>, \
                <a href="#source-1" id="cite-1-1">1</a>]</sup> \
                two <sup class="citation"><a href="#source-2" id="cite-2-2">[2]</a></sup>.</p>

                """)
    }

    @Test func eachCitationOfAGroupLinksBackFromTheSourceList() {
        let files = MemorySite.files([
            "content/notes/n.md": "---\ntitle: N\n" + Self.sources + "\n---\nBoth [@a; @b].\n"
        ])
        let page = files["notes/n/index.html"] ?? ""
        #expect(page.contains(##"<a href="#cite-1-1" class="backref" aria-label="Back to citation 1">↩1</a>"##))
        #expect(page.contains(##"<a href="#cite-2-1" class="backref" aria-label="Back to citation 1">↩1</a>"##))
    }

    @Test func anUnknownIDInAGroupIsReportedAtItsOwnColumn() {
        let errors = MemorySite.errors([
            "content/notes/n.md": "---\ntitle: N\n" + Self.sources + "\n---\nBoth [@a; @typo] and [@nope; @b].\n"
        ])
        #expect(
            errors == [
                "content/notes/n.md:7:11: error: unknown source 'typo'; this page's sources are a, b",
                "content/notes/n.md:7:22: error: unknown source 'nope'; this page's sources are a, b",
            ])
    }
}
