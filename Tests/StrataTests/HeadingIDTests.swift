import Testing

@testable import Strata

/// Every heading gets a stable id: the slug of its text, made unique on the page.
@Suite struct HeadingIDTests {
    static func ids(_ markdown: String) -> [String] {
        CmarkParser.parse(markdown, path: "content/a.md", lineOffset: 0, unsafeHTML: false).headings.map(\.id)
    }

    @Test func slugOfTheText() {
        #expect(
            Self.ids("# Hello, World!\n## What *it* `does`\n### io.net's GPUs (2024)\n") == [
                "hello-world", "what-it-does", "io-net-s-gpus-2024",
            ])
    }

    @Test func repeatsAreNumbered() {
        #expect(Self.ids("## Notes\n## Notes\n## Notes\n") == ["notes", "notes-1", "notes-2"])
    }

    @Test func numberedRepeatDoesNotCollideWithAWrittenHeading() {
        #expect(Self.ids("## Intro\n## Intro 1\n## Intro\n## Intro\n") == ["intro", "intro-1", "intro-2", "intro-3"])
        #expect(Self.ids("## Intro 1\n## Intro\n## Intro\n") == ["intro-1", "intro", "intro-2"])
    }

    @Test func headingsWithoutLettersStillGetAnID() {
        let ids = Self.ids("## ???\n## ---x\n## !!!\n")
        #expect(ids == ["section", "x", "section-1"])
    }

    @Test func wikilinkLabelsCountAsText() {
        #expect(
            Self.ids("## About [[io-net|the network]]\n## See [[stack/compute]]\n") == [
                "about-the-network", "see-stack-compute",
            ])
    }

    @Test func nonASCIILettersAreKept() {
        #expect(Self.ids("## Café économie\n") == ["café-économie"])
    }

    /// The ids in the HTML are the ids links are checked against, heading for heading.
    @Test func renderedIDsMatchTheHeadings() {
        let files = MemorySite.files([
            "content/notes/a.md": "---\ntitle: A\n---\n\n## One\n\n## One\n\nSee [[#one-1]].\n"
        ])
        let html = MemorySite.main(files["notes/a/index.html"])
        #expect(html.contains(#"<h2 id="one">One</h2>"#))
        #expect(html.contains(#"<h2 id="one-1">One</h2>"#))
        #expect(html.contains(##"<a href="#one-1">One</a>"##), "a link to a heading of the same page reads as the heading")
    }

    /// A heading inside a quote or a list is still a heading: it gets its own id and does not
    /// shift the ids of the headings after it.
    @Test func nestedHeadingsDoNotShiftIDs() {
        let files = MemorySite.files([
            "content/notes/a.md": "---\ntitle: A\n---\n\n> ## Quoted\n\n## Real\n\n- ## Listed\n\nSee [[#real]].\n"
        ])
        let html = MemorySite.main(files["notes/a/index.html"])
        #expect(html.contains(#"<h2 id="real">Real</h2>"#))
        #expect(html.contains(#"<h2 id="quoted">Quoted</h2>"#))
        #expect(html.contains(#"<h2 id="listed">Listed</h2>"#))
    }
}
