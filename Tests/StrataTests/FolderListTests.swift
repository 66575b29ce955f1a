import Testing

@testable import Strata

/// A folder of pages that is not one of the site's sections gets a list page with its
/// `_index.md` as intro; breadcrumbs lead from Home through that list page.
@Suite struct FolderListTests {
    static let pages = [
        "content/index.md": "---\ntitle: Home\n---\nWelcome.\n",
        "content/guides/_index.md": "---\ntitle: Field guides\n---\nHow to read the [[b]] guide.\n",
        "content/guides/a.md": "---\ntitle: Alpha guide\nsummary: The first.\n---\nText.\n",
        "content/guides/b.md": "---\ntitle: Beta guide\ndate: 2026-03-01\n---\nText.\n",
        "content/guides/more/c.md": "---\ntitle: Gamma guide\n---\nText.\n",
        "content/getting-started/x.md": "---\ntitle: X\n---\nText.\n",
        "content/notes/n.md": "---\ntitle: A note\n---\nText.\n",
        "content/about.md": "---\ntitle: About\n---\nText.\n",
    ]

    @Test func aFolderOfPagesGetsAListPageWithItsIntro() {
        let files = MemorySite.files(Self.pages)
        let list = MemorySite.main(files["guides/index.html"])
        #expect(list.contains("<h1>Field guides</h1>"))
        #expect(list.contains(#"<div class="prose"><p>How to read the <a href="b/">Beta guide</a> guide.</p>"#))
        let titles = ["Beta guide", "Alpha guide", "Gamma guide"].map { list.range(of: ">\($0)<")?.lowerBound }
        #expect(titles.allSatisfy { $0 != nil }, "every page of the folder, at any depth, is listed")
        #expect(titles.compactMap { $0 } == titles.compactMap { $0 }.sorted(), "dated first, then by title")
        #expect(MemorySite.main(files["getting-started/index.html"]).contains("<h1>Getting started</h1>"))
        #expect(files["guides/more/index.html"] == nil, "a folder inside a folder has no list page")
    }

    @Test func breadcrumbsLeadThroughTheListPage() {
        let files = MemorySite.files(Self.pages)
        func crumbs(_ path: String) -> String {
            let main = MemorySite.main(files[path])
            guard let start = main.range(of: "<nav class=\"kicker\" aria-label=\"Breadcrumb\">"),
                let end = main[start.upperBound...].range(of: "</nav>")
            else { return "" }
            return String(main[start.upperBound..<end.lowerBound])
        }
        #expect(
            crumbs("guides/a/index.html")
                == #"<a href="../../">Home</a> <span aria-hidden="true">›</span> <a href="../../guides/">Field guides</a> <span aria-hidden="true">›</span> <span aria-current="page">Alpha guide</span>"#
        )
        #expect(
            crumbs("notes/n/index.html")
                == #"<a href="../../">Home</a> <span aria-hidden="true">›</span> <a href="../../notes/">Notes</a> <span aria-hidden="true">›</span> <span aria-current="page">A note</span>"#
        )
        #expect(
            crumbs("about/index.html")
                == #"<a href="../">Home</a> <span aria-hidden="true">›</span> <span aria-current="page">About</span>"#)
        #expect(
            crumbs("guides/index.html")
                == #"<a href="../">Home</a> <span aria-hidden="true">›</span> <span aria-current="page">Field guides</span>"#)
    }

    @Test func profilesAndLayersShareTheBreadcrumbs() {
        let files = MemorySite.files([
            "content/stack/compute.md": "---\ntitle: Compute\norder: 1\n---\n",
            "content/projects/p.md": "---\ntitle: P Net\nlayers: [compute]\ndirection: both\n---\nText.\n",
        ])
        #expect(
            MemorySite.main(files["projects/p/index.html"]).contains(
                #"<nav class="kicker" aria-label="Breadcrumb"><a href="../../">Home</a> <span aria-hidden="true">›</span> <a href="../../projects/">Projects</a> <span aria-hidden="true">›</span> <span aria-current="page">P Net</span></nav>"#
            ))
        #expect(
            MemorySite.main(files["stack/compute/index.html"]).contains(
                #"<a href="../../stack/">The stack</a> <span aria-hidden="true">›</span> <span aria-current="page">Compute</span>"#
            ))
    }

    @Test func aPageWhereTheListPageGoesIsAnErrorNamingIt() {
        var pages = Self.pages
        pages["content/guides.md"] = "---\ntitle: Guides\n---\nText.\n"
        #expect(
            MemorySite.errors(pages) == [
                "content/guides.md:1:1: error: this page would be written at /guides/, which is already taken by the list page of the folder content/guides/; rename the file"
            ])
    }

    @Test func anAliasCannotTakeTheListPagesPlace() {
        var pages = Self.pages
        pages["content/about.md"] = "---\ntitle: About\naliases: [/guides/]\n---\nText.\n"
        #expect(
            MemorySite.errors(pages) == [
                "content/about.md:3:11: error: alias '/guides/' is already taken by the list page of the folder content/guides/"
            ])
    }

    @Test func theLandscapeTakesAnIntro() {
        let files = MemorySite.files([
            "content/landscape/_index.md": "---\ntitle: The map of projects\n---\nEvery card.\n"
        ])
        let main = MemorySite.main(files["landscape/index.html"])
        #expect(main.contains("The map of projects"))
        #expect(main.contains("<p>Every card.</p>"))
    }
}
