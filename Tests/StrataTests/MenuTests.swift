import Testing

@testable import Strata

/// The main menu from site.yml's `menu:`, with today's menu when there is none.
@Suite struct MenuTests {
    static let pages = [
        "content/index.md": "---\ntitle: Home\n---\nWelcome.\n",
        "content/notes/a.md": "---\ntitle: A\n---\nText.\n",
        "content/about.md": "---\ntitle: About\n---\nText.\n",
    ]

    static func nav(_ html: String?) -> String {
        guard let html, let start = html.range(of: "<nav class=\"site-nav\""),
            let end = html[start.upperBound...].range(of: "</nav>")
        else { return "" }
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func theMenuIsTheAuthors() {
        let config = MemorySite.config + """

            menu:
              - {title: Home, url: /}
              - {title: Notes, url: /notes/}
              - {title: About, url: about}
              - {title: Source, url: "https://example.org/repo"}
            """
        let files = MemorySite.files(Self.pages, config: config)
        #expect(
            Self.nav(files["notes/a/index.html"]) == """
                <nav class="site-nav" aria-label="Main">
                <ul>
                <li><a href="../../">Home</a></li>
                <li><a href="../../notes/" aria-current="page">Notes</a></li>
                <li><a href="../../about/">About</a></li>
                <li><a href="https://example.org/repo">Source</a></li>
                </ul>
                </nav>
                """)
        #expect(Self.nav(files["index.html"]).contains(#"<a href="./" aria-current="page">Home</a>"#))
        #expect(Self.nav(files["about/index.html"]).contains(#"<a href="../about/" aria-current="page">About</a>"#))
    }

    @Test func withoutAMenuTodaysMenuIsKept() {
        let nav = Self.nav(MemorySite.files(Self.pages)["notes/index.html"])
        let titles = ["Stack", "Landscape", "Projects", "Notes", "Scorecard", "Tags", "Search"]
        #expect(nav.components(separatedBy: "<li>").count == titles.count + 1)
        #expect(nav.contains(#"<li><a href="../notes/" aria-current="page">Notes</a></li>"#))
        #expect(nav.contains(#"<li><a href="../stack/">Stack</a></li>"#))
    }

    @Test func entriesWithoutTitleOrURLAreErrorsAtTheirLine() {
        let config = MemorySite.config + """

            menu:
              - {title: Notes}
              - {url: /notes/}
              - {title: X, url: /x/, weight: 2}
            """
        #expect(
            MemorySite.errors(Self.pages, config: config) == [
                "content/site.yml:8:5: error: menu entry 'Notes' has no 'url': add a page of the site, like 'url: /notes/', or an http(s) URL",
                "content/site.yml:9:5: error: this menu entry has no 'title': add the text of the link, like 'title: Notes'",
                "content/site.yml:10:26: error: unknown key 'weight' in a menu entry; allowed keys are title, url",
            ])
    }

    @Test func aURLThatIsNoPageOfTheSiteIsAnError() {
        let config = MemorySite.config + """

            menu:
              - {title: Gides, url: /note/}
              - {title: Mail, url: "mailto:me@example.org"}
              - {title: Feed, url: /api/projects.json}
            """
        #expect(
            MemorySite.errors(Self.pages, config: config) == [
                "content/site.yml:8:25: error: menu entry 'Gides' links to '/note/', which is not a page of this site; write a page's URL path, like '/notes/', or an http(s) URL, like 'https://example.org/'; did you mean '/notes/'?",
                "content/site.yml:9:24: error: menu entry 'Mail' links to 'mailto:me@example.org', which is not a page of this site; write a page's URL path, like '/notes/', or an http(s) URL, like 'https://example.org/'",
            ])
    }

    @Test func aMenuThatIsNotAListIsOneError() {
        let config = MemorySite.config + "\nmenu: {title: Notes, url: /notes/}"
        #expect(
            MemorySite.errors(Self.pages, config: config) == [
                "content/site.yml:7:7: error: 'menu' must be a list, not a map"
            ])
    }

    @Test func theCommentedSettingsOfInitShowTheMenu() {
        #expect(InitSite.siteConfig.contains("# menu:\n#   - {title: Stack, url: /stack/}"))
    }
}
