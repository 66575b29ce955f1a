import Testing

@testable import Strata

/// `[[wikilinks]]`, `.md` links and other internal links: what they become, and the errors when they point nowhere.
@Suite struct WikilinkTests {
    static let pages: [String: String] = [
        "content/projects/io-net.md": """
        ---
        title: io.net
        layers: [compute]
        direction: crypto-for-ai
        assessment: {needs-crypto: yes, verdict: signal}
        ---

        ## GPU clusters

        Text.
        """,
        "content/stack/compute.md": "---\ntitle: Compute\norder: 1\n---\n\nThe layer.\n",
        "content/notes/depin.md": "---\ntitle: DePIN & tokens\n---\n\n## Cold start\n\nText.\n",
    ]

    /// Renders a note at `content/notes/a.md` with `body` beside the pages above; its `<main>`.
    static func note(_ body: String) -> String {
        var pages = Self.pages
        pages["content/notes/a.md"] = "---\ntitle: A\n---\n\n" + body + "\n"
        return MemorySite.main(MemorySite.files(pages)["notes/a/index.html"])
    }

    static func errors(_ body: String, extra: [String: String] = [:]) -> [String] {
        var pages = Self.pages.merging(extra) { $1 }
        pages["content/notes/a.md"] = "---\ntitle: A\n---\n\n" + body + "\n"
        return MemorySite.errors(pages)
    }

    @Test func aSlugInAnyCaseOrATitleAsWrittenFindsThePage() {
        #expect(Self.note("[[IO-Net]]").contains(#"<a href="../../projects/io-net/">io.net</a>"#))
        #expect(Self.note("[[io.net]]").contains(#"<a href="../../projects/io-net/">io.net</a>"#))
        #expect(Self.note("[[DePIN & tokens|the note]]").contains(#"<a href="../depin/">the note</a>"#))
        #expect(Self.note("[[Projects/IO-Net]]").contains(#"<a href="../../projects/io-net/">io.net</a>"#))
        #expect(
            Self.errors("[[Io.Net]]") == [
                "content/notes/a.md:5:1: error: no page named 'Io.Net' for the link '[[Io.Net]]'"
            ], "a title must match as written")
    }

    @Test func bareSlugLinksWithTheTargetTitle() {
        #expect(Self.note("See [[io-net]].").contains(#"<p>See <a href="../../projects/io-net/">io.net</a>.</p>"#))
    }

    @Test func labelReplacesTheTitle() {
        #expect(
            Self.note("See [[io-net|the GPU network]].").contains(
                #"<p>See <a href="../../projects/io-net/">the GPU network</a>.</p>"#))
    }

    @Test func sectionQualifiedName() {
        #expect(Self.note("On [[stack/compute]].").contains(#"<p>On <a href="../../stack/compute/">Compute</a>.</p>"#))
    }

    @Test func headingFragment() {
        #expect(
            Self.note("See [[io-net#gpu-clusters]] and [[#intro]].\n\n## Intro").contains(
                ##"<p>See <a href="../../projects/io-net/#gpu-clusters">io.net › GPU clusters</a> and <a href="#intro">Intro</a>.</p>"##))
    }

    @Test func titlesInLinksAreEscaped() {
        #expect(Self.note("See [[depin]].").contains(#"<a href="../depin/">DePIN &amp; tokens</a>"#))
    }

    @Test func markdownLinksToFilesBecomeURLs() {
        let html = Self.note(
            "[a](../projects/io-net.md), [b](depin.md#cold-start), [c](/stack/compute.md), [d](../projects/)")
        #expect(
            html.contains(
                ##"<p><a href="../../projects/io-net/">a</a>, <a href="../depin/#cold-start">b</a>, <a href="../../stack/compute/">c</a>, <a href="../../projects/">d</a></p>"##
            ))
    }

    @Test func externalLinksAreLeftAlone() {
        #expect(
            Self.note("[a](https://example.org/x.md) [b](mailto:a@example.org)").contains(
                #"<p><a href="https://example.org/x.md">a</a> <a href="mailto:a@example.org">b</a></p>"#))
    }

    @Test func linksToGeneratedFilesResolve() {
        #expect(
            Self.note("[table](../api/projects.csv) and [data](/api/projects.json)").contains(
                #"<p><a href="../../api/projects.csv">table</a> and <a href="../../api/projects.json">data</a></p>"#))
    }

    @Test func backlinksListTheLinkingPages() throws {
        var pages = Self.pages
        pages["content/notes/a.md"] = "---\ntitle: A note\n---\n\n[[io-net]] twice: [[io-net|again]].\n"
        let html = MemorySite.main(MemorySite.files(pages)["projects/io-net/index.html"])
        #expect(html.contains(#"<h2 id="backlinks-heading">Linked from</h2>"#))
        let backlinks = try #require(html.range(of: #"<h2 id="backlinks-heading">"#))
        // Linked twice from one note, listed once.
        #expect(html[backlinks.upperBound...].components(separatedBy: #"href="../../notes/a/">A note</a>"#).count == 2)
    }

    // MARK: Errors

    @Test func missingPageSuggestsTheNearestName() {
        #expect(
            Self.errors("See [[io-nett]].") == [
                "content/notes/a.md:5:5: error: no page named 'io-nett' for the link '[[io-nett]]'; did you mean '[[io-net]]'?"
            ])
        #expect(
            Self.errors("See [[nothing-like-it]].") == [
                "content/notes/a.md:5:5: error: no page named 'nothing-like-it' for the link '[[nothing-like-it]]'"
            ])
    }

    @Test func ambiguousBareSlugListsBoth() {
        let extra = ["content/notes/io-net.md": "---\ntitle: io.net, the note\n---\n\nText.\n"]
        #expect(
            Self.errors("See [[io-net]].", extra: extra) == [
                "content/notes/a.md:5:5: error: '[[io-net]]' names pages in two sections (content/notes/io-net.md and content/projects/io-net.md); write [[notes/io-net]] or [[projects/io-net]]"
            ])
    }

    @Test func missingHeadingListsTheHeadings() {
        #expect(
            Self.errors("See [[io-net#clusters]].") == [
                "content/notes/a.md:5:5: error: content/projects/io-net.md has no heading '#clusters'; its headings are gpu-clusters"
            ])
        #expect(
            Self.errors("See [the layer](../stack/compute.md#gpus).") == [
                "content/notes/a.md:5:5: error: content/stack/compute.md has no heading '#gpus'; it has no headings"
            ])
    }

    /// `[top](#)` and `[top](#top)` go to the top of the page; `[[#]]` names no heading and is reported.
    @Test func topOfThePageAndAnEmptyHeading() {
        #expect(
            Self.errors("Back to [top](#) or [the top](#top). See [[io-net#]].") == [
                "content/notes/a.md:5:42: error: '#' must be followed by a heading of content/projects/io-net.md; its headings are gpu-clusters"
            ])
    }

    /// A `#fragment` on the page itself must name one of its headings, like any other fragment.
    @Test func missingHeadingOnTheSamePage() {
        #expect(
            Self.errors("See [below](#nowhere).\n\n## Somewhere") == [
                "content/notes/a.md:5:5: error: content/notes/a.md has no heading '#nowhere'; its headings are somewhere"
            ])
    }

    @Test func brokenMarkdownLinks() {
        #expect(
            Self.errors("[x](missing.md) and [y](../images/none.png)") == [
                "content/notes/a.md:5:1: error: broken link 'missing.md': content/notes/missing.md does not exist",
                "content/notes/a.md:5:21: error: broken link '../images/none.png': no page or file at content/images/none.png",
            ])
    }

    @Test func linkClimbingAboveTheRoot() {
        #expect(
            Self.errors("[x](../../../etc/passwd)") == [
                "content/notes/a.md:5:1: error: link '../../../etc/passwd' climbs above the site root"
            ])
    }

    @Test func linkToADraftExplainsWhy() {
        let extra = ["content/notes/later.md": "---\ntitle: Later\ndraft: true\n---\n\nText.\n"]
        #expect(
            Self.errors("See [[later]] and [it](later.md).", extra: extra) == [
                "content/notes/a.md:5:5: error: '[[later]]' links to a draft, which this build leaves out; build with --drafts or remove the link",
                "content/notes/a.md:5:19: error: link 'later.md' points to a draft, which this build leaves out; build with --drafts or remove the link",
            ])
    }

    /// Columns are those of the source file, whatever comes before the link on its line.
    @Test func columnsAfterEntitiesAndEscapes() {
        #expect(
            Self.errors("A &amp; \\* [[gone]]") == [
                "content/notes/a.md:5:12: error: no page named 'gone' for the link '[[gone]]'"
            ])
    }

    @Test func everyBrokenLinkIsReportedInOrder() {
        #expect(
            Self.errors("[[one]]\n\n[[two]] [[three]]") == [
                "content/notes/a.md:5:1: error: no page named 'one' for the link '[[one]]'",
                "content/notes/a.md:7:1: error: no page named 'two' for the link '[[two]]'",
                "content/notes/a.md:7:9: error: no page named 'three' for the link '[[three]]'",
            ])
    }
}
