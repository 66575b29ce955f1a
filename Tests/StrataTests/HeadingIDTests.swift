import Testing

@testable import Strata

/// Every heading gets a stable id, as GitHub writes it (so ids copied from a GitHub preview
/// work), made unique on the page.
@Suite struct HeadingIDTests {
    static func ids(_ markdown: String) -> [String] {
        CmarkParser.parse(markdown, path: "content/a.md", lineOffset: 0, unsafeHTML: false).headings.map(\.id)
    }

    @Test func slugOfTheText() {
        #expect(
            Self.ids("# Hello, World!\n## What *it* `does`\n### io.net's GPUs (2024)\n") == [
                "hello-world", "what-it-does", "ionets-gpus-2024",
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
        #expect(ids == ["section", "---x", "section-1"])
    }

    @Test func wikilinkLabelsCountAsText() {
        #expect(
            Self.ids("## About [[io-net|the network]]\n## See [[stack/compute]]\n") == [
                "about-the-network", "see-stackcompute",
            ])
    }

    @Test func asGitHubWritesThem() {
        #expect(
            Self.ids("## The article's checklist\n## DePIN & tokens\n## snake_case and  two spaces\n") == [
                "the-articles-checklist", "depin--tokens", "snake_case-and--two-spaces",
            ])
    }

    @Test func aLinkToAnIDOfTheOldRulesSaysTheNewOne() {
        let errors = MemorySite.errors([
            "content/notes/a.md": "---\ntitle: A\n---\n\n## The article's checklist\n",
            "content/notes/b.md": "---\ntitle: B\n---\n\nSee [[notes/a#the-article-s-checklist]].\n",
        ])
        #expect(
            errors == [
                "content/notes/b.md:5:5: error: content/notes/a.md has no heading '#the-article-s-checklist': heading ids follow GitHub's rules now, and 'The article's checklist' is '#the-articles-checklist'"
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
        #expect(html.contains(##"<h2 id="one">One <a class="anchor" href="#one" aria-label="Link to section: One">#</a></h2>"##))
        #expect(html.contains(##"<h2 id="one-1">One <a class="anchor" href="#one-1" aria-label="Link to section: One">#</a></h2>"##))
        #expect(html.contains(##"<a href="#one-1">One</a>"##), "a link to a heading of the same page reads as the heading")
    }

    /// A heading inside a quote or a list is still a heading: it gets its own id and does not
    /// shift the ids of the headings after it.
    @Test func nestedHeadingsDoNotShiftIDs() {
        let files = MemorySite.files([
            "content/notes/a.md": "---\ntitle: A\n---\n\n> ## Quoted\n\n## Real\n\n- ## Listed\n\nSee [[#real]].\n"
        ])
        let html = MemorySite.main(files["notes/a/index.html"])
        #expect(html.contains(##"<h2 id="real">Real <a class="anchor" href="#real" aria-label="Link to section: Real">#</a></h2>"##))
        #expect(html.contains(##"<h2 id="quoted">Quoted <a class="anchor" href="#quoted" aria-label="Link to section: Quoted">#</a></h2>"##))
        #expect(html.contains(##"<h2 id="listed">Listed <a class="anchor" href="#listed" aria-label="Link to section: Listed">#</a></h2>"##))
    }
}

/// Ids are handed out in linear time: each repeated text remembers the last number it gave.
@Suite struct HeadingIDScaleTests {
    @Test func fortyThousandIdenticalHeadings() {
        let markdown = String(repeating: "# a\n", count: 40_000)
        let start = ContinuousClock.now
        let ids = HeadingIDTests.ids(markdown)
        let elapsed = ContinuousClock.now - start
        #expect(ids.count == 40_000)
        #expect(ids.prefix(3) == ["a", "a-1", "a-2"])
        #expect(ids.last == "a-39999")
        #expect(Set(ids).count == 40_000)
        // Numbering from 1 on every repeat took 47 s here; the whole parse now takes well under 1 s.
        #expect(elapsed < .seconds(10))
    }

    @Test func theIDIsStoredOnTheHeadingNode() {
        let document = CmarkParser.parse(
            "# A\n\n> # A\n\n[^1]\n\n[^1]: # A\n", path: "content/a.md", lineOffset: 0, unsafeHTML: false)
        var ids: [String] = []
        for block in document.blocks + document.footnotes.flatMap(\.blocks) {
            switch block {
            case .heading(_, let id, _, _): ids.append(id)
            case .blockQuote(let inner):
                if case .heading(_, let id, _, _)? = inner.first { ids.append(id) }
            default: break
            }
        }
        #expect(ids == ["a", "a-1", "a-2"])
    }
}
