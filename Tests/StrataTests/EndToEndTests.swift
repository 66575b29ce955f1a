import Foundation
import Testing

@testable import Strata

/// The good fixture built to disk with the real theme, checked as a reader and a web server see it.
@Suite struct EndToEndTests {
    struct Built {
        let site: TempDir
        let report: BuildReport
        var output: String { site.file("public") }

        func page(_ path: String) throws -> String {
            try String(contentsOfFile: output + "/" + path, encoding: .utf8)
        }

        func main(_ path: String) throws -> String { MemorySite.main(try page(path)) }
    }

    static func build(drafts: Bool = false, edit: ((TempDir) throws -> Void)? = nil) throws -> Built {
        let site = try fixtureSite()
        try edit?(site)
        let report = try Pipeline.build(
            BuildOptions(root: site.path, includeDrafts: drafts, strict: true, today: testToday))
        return Built(site: site, report: report)
    }

    @Test func expectedFilesExist() throws {
        let built = try Self.build()
        let files = Set(try listFiles(built.output))
        let expected = [
            "index.html", "about/index.html", "images/logo.png", "assets/strata.css", "assets/search.js",
            "stack/index.html", "stack/data/index.html", "stack/compute/index.html",
            "projects/index.html", "projects/alpha-net/index.html", "projects/beta-chain/index.html",
            "projects/gamma-agents/index.html",
            "notes/index.html", "notes/depin-basics/index.html", "notes/market-map/index.html",
            "tags/index.html", "tags/gpu/index.html", "tags/depin/index.html", "tags/overview/index.html",
            "tags/payments/index.html", "chains/index.html", "chains/solana/index.html",
            "sectors/index.html", "sectors/depin/index.html", "sectors/network/index.html", "sectors/agents/index.html",
            "scorecard/index.html", "reviews/index.html", "search/index.html", "search/index.js",
            "search/words/0.js", "search/pages/0.js",
            "api/projects.json", "api/projects.csv", "404.html", "robots.txt", "sitemap.xml", "feed.xml",
            "old/depin/index.html", OutputGuard.marker,
        ]
        for path in expected { #expect(files.contains(path), "public/\(path) is missing") }
        #expect(!files.contains { $0.hasSuffix(".md") || $0.hasPrefix("stack/_index") }, "sources are not published")
        #expect(built.report.warnings.isEmpty)
        #expect(built.report.pagesWritten == files.filter { $0.hasSuffix(".html") }.count)
        #expect(built.report.filesWritten == files.count - 1, "every file but the marker")
    }

    @Test func copiedFilesAreByteForByte() throws {
        let built = try Self.build()
        let logo = try Data(contentsOf: URL(fileURLWithPath: built.site.file("content/images/logo.png")))
        #expect(try Data(contentsOf: URL(fileURLWithPath: built.output + "/images/logo.png")) == logo)
        let css = try Data(contentsOf: URL(fileURLWithPath: Repo.templates + "/assets/strata.css"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: built.output + "/assets/strata.css")) == css)
        #expect(try built.main("about/index.html").contains(#"<img src="../images/logo.png" alt="The fixture logo">"#))
    }

    // MARK: Cross-links

    @Test func relationsShowOnBothEndsWithTheInverseLabel() throws {
        let built = try Self.build()
        let alpha = try Self.relations(built.main("projects/alpha-net/index.html"))
        #expect(
            alpha.contains(
                """
                <h3>Runs on</h3>
                <ul><li><a href="../../projects/beta-chain/">Beta Chain</a> <span class="badge v-mixed">mixed</span> <span class="note">Settles payments there</span></li></ul>
                """))
        #expect(
            alpha.contains(
                "<h3>Foundation for</h3>\n<ul><li><a href=\"../../projects/gamma-agents/\">Gamma Agents</a>"))
        let beta = try Self.relations(built.main("projects/beta-chain/index.html"))
        #expect(beta.contains("<h3>Hosts</h3>\n<ul><li><a href=\"../../projects/alpha-net/\">Alpha Net</a>"))
        #expect(beta.contains("<span class=\"note\">Settles payments there</span>"))
        let gamma = try Self.relations(built.main("projects/gamma-agents/index.html"))
        #expect(gamma.contains("<h3>Builds on</h3>\n<ul><li><a href=\"../../projects/alpha-net/\">Alpha Net</a>"))
    }

    /// The relations list of a profile (the part after the graph).
    static func relations(_ html: String) throws -> String {
        let start = try #require(html.range(of: #"<div class="relations">"#))
        let end = try #require(html[start.upperBound...].range(of: "</section>"))
        return String(html[start.upperBound..<end.lowerBound])
    }

    @Test func backlinks() throws {
        let built = try Self.build()
        #expect(
            try built.main("notes/market-map/index.html").contains(
                """
                <h2 id="backlinks-heading">Linked from</h2>
                <ul class="items"><li class="item"><a class="item-title" href="../../">Fixture Stack</a><span class="summary">The home page of the fixture site.</span></li>
                <li class="item"><a class="item-title" href="../../notes/depin-basics/">DePIN basics</a> <time datetime="2026-05-01">2026-05-01</time><span class="summary">Why hardware networks pay early suppliers in tokens.</span></li>
                </ul>
                """))
        let alpha = try built.main("projects/alpha-net/index.html")
        for linker in [
            #"<li class="item"><a class="item-title" href="../../">Fixture Stack</a>"#,
            #"<li class="item"><a class="item-title" href="../../notes/depin-basics/">DePIN basics</a>"#,
            #"<li class="item"><a class="item-title" href="../../notes/market-map/">Market map</a>"#,
            #"<li class="item"><a class="item-title" href="../../projects/">Projects</a>"#,
        ] {
            #expect(alpha.contains(linker), "alpha-net is linked from \(linker)")
        }
        #expect(!alpha.contains("Draft idea"), "a draft left out of the build is not a backlink")
    }

    @Test func citationsAreNumberedWithTheSourceList() throws {
        let built = try Self.build()
        let alpha = try built.main("projects/alpha-net/index.html")
        #expect(
            alpha.contains(
                ##"<p>Alpha Net rents out idle GPUs <sup class="citation"><a href="#source-1" id="cite-1-1">[1]</a></sup>."##
            ))
        #expect(
            alpha.contains(##"by the hour <sup class="citation"><a href="#source-1" id="cite-1-2">[1]</a></sup>."##))
        #expect(
            alpha.contains(
                ##"online in September <sup class="citation"><a href="#source-2" id="cite-2-1">[2]</a></sup>."##))
        #expect(
            alpha.contains(
                """
                <ol>
                <li id="source-1"><a href="https://alpha.example.com/docs">Alpha Net documentation</a>, Alpha Labs, 2025-03-01 (accessed 2026-09-02). <a href="#cite-1-1" class="backref" aria-label="Back to citation 1">↩1</a> <a href="#cite-1-2" class="backref" aria-label="Back to citation 2">↩2</a></li>
                <li id="source-2"><a href="https://research.example.com/gpu-markets">The state of GPU markets</a>, 2026 (accessed 2026-09-02). <a href="#cite-2-1" class="backref" aria-label="Back to citation 1">↩1</a></li>
                </ol>
                """))
        #expect(
            alpha.contains(##"<td><a href="#source-2" aria-label="Source 2">[2]</a></td>"##),
            "a metric links to its source")
    }

    @Test func generatedIndexes() throws {
        let built = try Self.build()
        let stack = try built.main("stack/index.html")
        #expect(stack.contains("<h1>The fixture stack</h1>"), "the title comes from stack/_index.md")
        #expect(stack.contains("<p>Two layers, data at the top and compute at the bottom.</p>"))
        let data = try #require(
            stack.range(
                of:
                    #"<span class="layer-order">1</span> <span class="layer-title">Data</span></a> <span class="layer-count">Profiles: 2</span>"#
            ))
        let compute = try #require(
            stack.range(
                of:
                    #"<span class="layer-order">2</span> <span class="layer-title">Compute</span></a> <span class="layer-count">Profiles: 2</span>"#
            ))
        #expect(data.lowerBound < compute.lowerBound, "layers are drawn in order")

        let notes = try built.main("notes/index.html")
        let map = try #require(notes.range(of: "Market map"))
        let basics = try #require(notes.range(of: "DePIN basics"))
        #expect(map.lowerBound < basics.lowerBound, "notes are newest first")

        let projects = try built.main("projects/index.html")
        #expect(projects.contains(#"<p id="projects-count" class="table-count" role="status">3 projects</p>"#))
        #expect(
            projects.contains(
                #"<tr data-layer="data compute" data-direction="crypto-for-ai" data-sector="network" data-status="testnet" data-chain="" data-verdict="mixed"><th scope="row"><a href="../projects/beta-chain/">Beta Chain</a></th>"#
            ))

        let gpu = try built.main("tags/gpu/index.html")
        #expect(gpu.contains("<h1>Tag: gpu</h1>"))
        for title in ["Alpha Net", "Compute", "DePIN basics"] { #expect(gpu.contains(">\(title)</a>")) }

        let scorecard = try built.main("scorecard/index.html")
        #expect(
            scorecard.contains(
                #"<tr><th scope="row"><a href="../projects/alpha-net/">Alpha Net</a></th><td class="a-yes">yes</td><td class="a-partly"><details><summary>partly</summary><p>Some paying teams, many subsidised ones.</p></details></td><td class="num">1</td><td><span class="badge v-signal">signal</span></td></tr>"#
            ))

        #expect(try built.main("reviews/index.html").contains(#"<p class="empty">Every profile is up to date.</p>"#))
        #expect(
            try built.page("robots.txt")
                == "User-agent: *\nAllow: /\nSitemap: https://example.org/research/sitemap.xml\n")
    }

    @Test func sitemapAndFeed() throws {
        let built = try Self.build()
        let sitemap = try built.page("sitemap.xml")
        #expect(
            sitemap.contains(
                "<url><loc>https://example.org/research/notes/depin-basics/</loc><lastmod>2026-05-01</lastmod></url>"))
        #expect(sitemap.contains("<url><loc>https://example.org/research/</loc></url>"))
        #expect(!sitemap.contains("draft-idea"))
        let feed = try built.page("feed.xml")
        #expect(feed.contains("<link href=\"https://example.org/research/notes/market-map/\"/>"))
        #expect(feed.contains("<updated>2026-06-01T00:00:00Z</updated>"))
        #expect(!feed.contains("draft-idea"))
    }

    @Test func noSitemapOrFeedWithoutBaseURL() throws {
        let built = try Self.build { site in
            let config = try site.read("content/site.yml")
            try site.write(
                "content/site.yml",
                config.replacingOccurrences(of: "base_url: https://example.org/research/\n", with: ""))
        }
        let files = try listFiles(built.output)
        #expect(!files.contains("sitemap.xml"))
        #expect(!files.contains("feed.xml"))
        #expect(try built.page("robots.txt") == "User-agent: *\nAllow: /\n")
        #expect(!(try built.page("index.html")).contains("rel=\"canonical\""))
        // Without base_url the 404 page can only link relative to the site root.
        #expect(try built.page("404.html").contains(#"<li><a href="projects/">Projects</a></li>"#))
        let problems = try Self.linkProblems(in: built.output, base: "https://example.org/research/", hasBaseURL: false)
        #expect(problems == [])
    }

    @Test func notFoundPageLinksAbsolutelyWithBaseURL() throws {
        let page = try Self.build().page("404.html")
        #expect(page.contains(#"<li><a href="https://example.org/research/projects/">Projects</a></li>"#))
        #expect(page.contains(#"<link rel="stylesheet" href="https://example.org/research/assets/strata.css">"#))
        #expect(!page.contains("rel=\"canonical\""))
    }

    @Test func aliasRedirects() throws {
        let built = try Self.build()
        let redirect = try built.page("old/depin/index.html")
        #expect(redirect.contains(#"<meta http-equiv="refresh" content="0; url=../../notes/depin-basics/">"#))
        #expect(redirect.contains(#"<link rel="canonical" href="https://example.org/research/notes/depin-basics/">"#))
        #expect(redirect.contains(#"<a href="../../notes/depin-basics/">DePIN basics</a>"#))
    }

    /// An alias may name an old `.html` file; its redirect must still point at the page.
    @Test func aliasToAnHTMLFileRedirects() throws {
        let built = try Self.build { site in try site.addAliasesToAbout("/about.html, /team/old.html") }
        #expect(try built.page("about.html").contains(#"content="0; url=about/">"#))
        #expect(try built.page("team/old.html").contains(#"content="0; url=../about/">"#))
        #expect(try Self.linkProblems(in: built.output, base: "https://example.org/research/") == [])
    }

    // MARK: Links

    /// Every href, src and form action in every page is relative and names a file of the output;
    /// every `#fragment` names an id on its target page.
    @Test func everyLinkIsRelativeAndResolves() throws {
        let built = try Self.build()
        let problems = try Self.linkProblems(in: built.output, base: "https://example.org/research/")
        #expect(problems == [])
    }

    /// The checker itself finds what it is meant to find.
    @Test func linkCheckerReportsBadLinks() throws {
        let folder = try TempDir()
        try folder.write("index.html", #"<a href="a/">a</a><link rel="stylesheet" href="missing.css">"#)
        try folder.write(
            "a/index.html",
            ##"<a href="/abs/">x</a> <a href="https://example.org/research/a/">y</a> <img src="../../up.png"> <a href="../#nope">z</a> <meta http-equiv="refresh" content="0; url=../b/">"##
        )
        #expect(
            try Self.linkProblems(in: folder.path, base: "https://example.org/research/") == [
                "a/index.html: link /abs/ is not relative",
                "a/index.html: link https://example.org/research/a/ is not relative",
                "a/index.html: link ../../up.png climbs above the site",
                "a/index.html: link ../#nope names no id 'nope' in index.html",
                "a/index.html: link ../b/ names b/index.html, which is not in the output",
                "index.html: link missing.css names missing.css, which is not in the output",
            ])
    }

    /// The benchmark's minimal templates (as light as the Hugo site's layouts) are a complete theme:
    /// the fixture builds with them, every page lists what it should, and every link resolves.
    @Test func minimalBenchmarkTemplatesBuildTheFixture() throws {
        let built = try Self.build { site in
            try FileManager.default.removeItem(atPath: site.file("templates"))
            try copyTree(Repo.root + "/bench/minimal-templates", to: site.file("templates"))
        }
        #expect(built.report.warnings.isEmpty)
        let layer = try built.page("stack/compute/index.html")
        #expect(layer.contains(#"<a href="../../projects/alpha-net/">"#))
        #expect(try built.page("tags/index.html").contains("<ul><li><a href="))
        #expect(try Self.linkProblems(in: built.output, base: "https://example.org/research/") == [])
    }

    @Test func everyLinkResolvesWithDrafts() throws {
        let built = try Self.build(drafts: true)
        #expect(try Self.linkProblems(in: built.output, base: "https://example.org/research/") == [])
    }

    /// Links of every page: `href`, `src`, form `action` and meta refresh `url=`.
    static func links(in html: String) -> [(tag: String, target: String)] {
        var result: [(String, String)] = []
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let tag = String(rest[open...close])
            rest = rest[rest.index(after: close)...]
            for attribute in ["href=\"", "src=\"", "action=\"", "url="] {
                var search = tag[...]
                while let start = search.range(of: attribute) {
                    let valueStart = start.upperBound
                    let end = search[valueStart...].firstIndex(of: "\"") ?? search.endIndex
                    let value = String(search[valueStart..<end])
                    // `url=` only counts inside a meta refresh, and not as part of `data-url=` and the like.
                    let preceding = search[..<start.lowerBound].last
                    if attribute != "url=" || (tag.contains("http-equiv=\"refresh\"") && preceding == " ") {
                        result.append((tag, value.replacingOccurrences(of: "&amp;", with: "&")))
                    }
                    search = search[end...]
                }
            }
        }
        return result
    }

    /// - Parameter hasBaseURL: whether the site sets base_url, so 404.html links absolutely.
    static func linkProblems(in output: String, base: String, hasBaseURL: Bool = true) throws -> [String] {
        var problems: [String] = []
        let files = Set(try listFiles(output))
        var pages: [String: String] = [:]
        for path in files where path.hasSuffix(".html") {
            pages[path] = try String(contentsOfFile: output + "/" + path, encoding: .utf8)
        }
        for (path, html) in pages.sorted(by: { $0.key < $1.key }) {
            // 404.html is shown at any depth, so with base_url its links are absolute, under it.
            let absolute = hasBaseURL && path == GeneratedURLs.notFound
            let folder = absolute ? "" : URLPath.folder(of: path)
            for (tag, written) in links(in: html) {
                // Without base_url a canonical link (an alias's) is relative and checked like any other.
                if hasBaseURL, tag.hasPrefix("<link rel=\"canonical\"") {
                    if !written.hasPrefix(base) {
                        problems.append("\(path): canonical link \(written) is not under base_url")
                    }
                    continue
                }
                var target = written
                if absolute && !target.hasPrefix("#") {
                    guard target.hasPrefix(base) else {
                        problems.append("\(path): link \(target) is not under base_url")
                        continue
                    }
                    target = String(target.dropFirst(base.count))
                } else if target.hasPrefix(base) || target.hasPrefix("/") {
                    problems.append("\(path): link \(target) is not relative")
                    continue
                }
                if target.hasPrefix("https://") || target.hasPrefix("http://") || target.hasPrefix("mailto:") {
                    continue
                }
                var pathPart = target
                var fragment: String?
                if let hash = pathPart.firstIndex(of: "#") {
                    fragment = String(pathPart[pathPart.index(after: hash)...])
                    pathPart = String(pathPart[..<hash])
                }
                if let query = pathPart.firstIndex(of: "?") { pathPart = String(pathPart[..<query]) }
                var resolved = path
                if !pathPart.isEmpty {
                    guard let normalized = URLPath.normalize(folder + "/" + pathPart) else {
                        problems.append("\(path): link \(target) climbs above the site")
                        continue
                    }
                    resolved =
                        pathPart.hasSuffix("/") || normalized.isEmpty
                        ? normalized + (normalized.isEmpty ? "" : "/") + "index.html" : normalized
                }
                guard files.contains(resolved) else {
                    problems.append("\(path): link \(target) names \(resolved), which is not in the output")
                    continue
                }
                if let fragment, !fragment.isEmpty {
                    guard let page = pages[resolved], page.contains("id=\"\(fragment)\"") else {
                        problems.append("\(path): link \(target) names no id '\(fragment)' in \(resolved)")
                        continue
                    }
                }
            }
        }
        return problems
    }

    // MARK: Drafts and determinism

    @Test func draftsOnlyWithIncludeDrafts() throws {
        let without = try Self.build()
        let files = try listFiles(without.output)
        #expect(!files.contains("notes/draft-idea/index.html"))
        #expect(!files.contains("tags/secret/index.html"))
        for file in files where file.hasPrefix("search/") {
            #expect(!(try without.page(file)).contains("Draft idea"), "\(file)")
        }
        #expect(!(try without.page("notes/index.html")).contains("Draft idea"))

        let with = try Self.build(drafts: true)
        #expect(try with.main("notes/draft-idea/index.html").contains("<h1>Draft idea</h1>"))
        #expect(try listFiles(with.output).contains("tags/secret/index.html"))
        #expect(try with.page("notes/index.html").contains(#"href="../notes/draft-idea/">Draft idea</a>"#))
        #expect(
            try with.main("projects/alpha-net/index.html").contains(#"href="../../notes/draft-idea/">Draft idea</a>"#))
    }

    @Test func sameInputGivesByteIdenticalOutput() throws {
        let site = try fixtureSite()
        let first = site.file("out-1")
        let second = site.file("out-2")
        _ = try Pipeline.build(BuildOptions(root: site.path, output: first, today: testToday))
        _ = try Pipeline.build(BuildOptions(root: site.path, output: second, today: testToday))
        let one = try tree(first)
        let two = try tree(second)
        #expect(one.count > 30)
        #expect(one.keys.sorted() == two.keys.sorted())
        for (path, data) in one where two[path] != data { Issue.record("\(path) differs between two builds") }
    }

    @Test func rebuildReplacesTheOutput() throws {
        let site = try fixtureSite()
        try site.writeEarlierOutput(["stale.html": "from an older build\n"])
        _ = try Pipeline.build(BuildOptions(root: site.path, today: testToday))
        #expect(!FileManager.default.fileExists(atPath: site.file("public/stale.html")))
        #expect(FileManager.default.fileExists(atPath: site.file("public/index.html")))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: site.path).sorted() == [
                "content", "public", "templates",
            ])
    }

    @Test func checkWritesNothing() throws {
        let site = try fixtureSite()
        let warnings = try Pipeline.check(BuildOptions(root: site.path, strict: true, today: testToday))
        #expect(warnings.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: site.file("public")))
    }
}
