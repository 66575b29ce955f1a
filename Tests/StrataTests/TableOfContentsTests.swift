import Testing

@testable import Strata

/// Pages with three or more second- and third-level headings get a table of contents: notes and
/// plain pages beside the text, profiles in the side column, layers above the text.
@Suite struct TableOfContentsTests {
    static let body = "## One\n\nText.\n\n### Two\n\nText.\n\n## Three\n\nText.\n"
    static let toc = """
        <nav class="toc" aria-labelledby="toc-heading"><details open><summary id="toc-heading">On this page</summary>
        <ol><li class="toc-2"><a href="#one">One</a></li><li class="toc-3"><a href="#two">Two</a></li><li class="toc-2"><a href="#three">Three</a></li></ol>
        </details></nav>
        """

    static func site(body: String) -> [String: String] {
        [
            "content/index.md": "---\ntitle: Home\n---\nWelcome.\n",
            "content/stack/compute.md": "---\ntitle: Compute\norder: 1\n---\n" + body,
            "content/projects/p.md": "---\ntitle: P\nlayers: [compute]\ndirection: crypto-for-ai\n---\n" + body,
            "content/notes/n.md": "---\ntitle: N\n---\n" + body,
        ]
    }

    @Test func profilesLayersAndNotesListTheirHeadings() {
        let files = MemorySite.files(Self.site(body: Self.body))
        let profile = MemorySite.main(files["projects/p/index.html"])
        #expect(profile.contains(#"<aside class="profile-side" aria-labelledby="facts-heading">"# + "\n" + Self.toc))
        let layer = MemorySite.main(files["stack/compute/index.html"])
        #expect(layer.contains(#"<div class="split-main">"# + "\n" + Self.toc))
        let note = MemorySite.main(files["notes/n/index.html"])
        #expect(note.contains(#"<div class="page-body has-toc">"# + "\n" + Self.toc))
    }

    @Test func twoHeadingsAreNotEnough() {
        let files = MemorySite.files(Self.site(body: "## One\n\nText.\n\n## Two\n\nText.\n"))
        for path in ["projects/p/index.html", "stack/compute/index.html", "notes/n/index.html"] {
            #expect(!(files[path] ?? "").contains(#"class="toc""#), "\(path) has a table of contents")
        }
    }
}
