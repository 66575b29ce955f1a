import Foundation
import Testing

@testable import Strata

/// The output folder is one namespace: pages, generated pages, data files, copied files, theme
/// assets and aliases each claim their paths once. `check` finds every collision `build`
/// would meet, with the same words, and neither writes anything.
@Suite struct OutputClaimsTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var expected: [String]
        var setUp: @Sendable (TempDir) throws -> Void
        var testDescription: String { name }
    }

    static func aboutAliases(_ list: String) -> @Sendable (TempDir) throws -> Void {
        { site in try site.addAliasesToAbout(list) }
    }

    static func alias(_ name: String, _ alias: String, _ message: String) -> Case {
        Case(
            name: name, expected: ["content/about.md:4:11: error: alias '\(alias)' \(message)"],
            setUp: aboutAliases(alias))
    }

    static let notHTML =
        "names a file that is not .html; an alias is a folder URL (/old/path/) or an .html file (/old/page.html)"

    static let cases: [Case] = [
        alias("an alias onto the home page", "/index.html", "is already taken by content/index.md"),
        alias(
            "an alias onto a profile", "/projects/alpha-net/index.html",
            "is already taken by content/projects/alpha-net.md"),
        alias("an alias onto a generated page", "/projects/", "is already taken by the generated page /projects/"),
        alias(
            "an alias onto a generated page's file", "/search/index.html",
            "is already taken by the generated page /search/"),
        alias("an alias onto a term page", "/tags/gpu", "is already taken by the generated page /tags/gpu/"),
        alias("an alias onto 404.html", "/404.html", "is already taken by the generated page /404.html"),
        alias("an alias onto a data file", "/api/projects.json", notHTML),
        alias("an alias onto robots.txt", "/robots.txt", notHTML),
        alias("an alias onto a theme asset", "/assets/strata.css", notHTML),
        alias("an alias onto a copied image", "/images/logo.png", notHTML),
        alias(
            "an alias inside a copied file", "/images/logo.png/",
            "is already taken by the copied file content/images/logo.png, a file at /images/logo.png where a folder would be"
        ),
        alias(
            "an alias onto a generated page without its slash", "/projects",
            "is already taken by the generated page /projects/"),
        alias(
            "an alias onto a hidden folder", "/.well-known/old/",
            "has a part starting with '.': the build publishes no hidden files and keeps those at the top of the output for their owner; rename the path"
        ),
        alias(
            "an alias with a query", "/old?page=2",
            "contains '?'; an alias is a path without a query or fragment, like /old/path/"),
        alias(
            "an alias with a fragment", "/old/#top",
            "contains '#'; an alias is a path without a query or fragment, like /old/path/"),
        Case(
            name: "an alias with a control character",
            expected: [
                "content/about.md:4:11: error: alias contains the control character U+0007; write it as a plain path, like /old/path/"
            ],
            setUp: aboutAliases(#""/old\a/""#)),
        Case(
            name: "an alias onto a copied .html file",
            expected: [
                "content/about.md:4:11: error: alias '/old.html' is already taken by the copied file content/old.html"
            ],
            setUp: { site in
                try site.write("content/old.html", "<p>kept as it was</p>\n")
                try aboutAliases("/old.html")(site)
            }),
        Case(
            name: "two aliases onto one path",
            expected: [
                "content/index.md:5:11: error: alias '/welcome/' is already taken by an alias of content/about.md"
            ],
            setUp: { site in
                try aboutAliases("/welcome/")(site)
                let home = try site.read("content/index.md")
                try site.write(
                    "content/index.md",
                    home.replacingOccurrences(of: "tags: [overview]", with: "tags: [overview]\naliases: [/welcome/]"))
            }),
        Case(
            name: "a copied file onto a generated page",
            expected: [
                "content/projects/index.html:1:1: error: this file would be copied to /projects/index.html, which is already taken by the generated page /projects/; rename or move the file"
            ],
            setUp: { site in try site.write("content/projects/index.html", "<p>mine</p>\n") }),
        Case(
            name: "a copied file onto a page",
            expected: [
                "content/about/index.html:1:1: error: this file would be copied to /about/index.html, which is already taken by content/about.md; rename or move the file"
            ],
            setUp: { site in try site.write("content/about/index.html", "<p>mine</p>\n") }),
        Case(
            name: "a copied file onto a data file",
            expected: [
                "content/api/projects.json:1:1: error: this file would be copied to /api/projects.json, which is already taken by the generated file /api/projects.json; rename or move the file",
                "content/robots.txt:1:1: error: this file would be copied to /robots.txt, which is already taken by the generated file /robots.txt; rename or move the file",
            ],
            setUp: { site in
                try site.write("content/api/projects.json", "[]\n")
                try site.write("content/robots.txt", "User-agent: *\nDisallow: /\n")
            }),
        Case(
            name: "a copied file onto a theme asset",
            expected: [
                "content/assets/strata.css:1:1: error: this file would be copied to /assets/strata.css, which is already taken by the copied file templates/assets/strata.css; rename or move the file"
            ],
            setUp: { site in try site.write("content/assets/strata.css", "body { color: red }\n") }),
        Case(
            name: "a copied file where a folder of pages is",
            expected: [
                "content/tags:1:1: error: this file would be copied to /tags, which is already taken by the generated page /tags/, which needs /tags/ to be a folder; rename or move the file"
            ],
            setUp: { site in try site.write("content/tags", "not a folder\n") }),
        alias(
            "an alias onto the search index's word pieces", "/search/words/",
            "is already taken by the search index, which writes its pieces in /search/words/"),
        alias(
            "an alias onto a page fragment of the search index", "/search/pages/0.html",
            "is already taken by the search index, which writes its pieces in /search/pages/"),
        Case(
            name: "a copied file onto a piece of the search index",
            expected: [
                "content/search/prefix/63.js:1:1: error: this file would be copied to /search/prefix/63.js, which is already taken by the search index, which writes its pieces in /search/prefix/; rename or move the file",
                "content/search/words:1:1: error: this file would be copied to /search/words, which is already taken by the search index, which writes its pieces in /search/words/, which needs /search/words/ to be a folder; rename or move the file",
            ],
            setUp: { site in
                try site.write("content/search/prefix/63.js", "mine();\n")
                try site.write("content/search/words", "not a folder\n")
            }),
        Case(
            name: "a page where the search index writes its pieces",
            expected: [
                "content/search/pages.md:1:1: error: this page would be written at /search/pages/, which is already taken by the search index, which writes its pieces in /search/pages/; rename the file"
            ],
            setUp: { site in try site.write("content/search/pages.md", "---\ntitle: Pages\n---\n\nAll of them.\n") }),
        Case(
            name: "a page onto a generated page",
            expected: [
                "content/search.md:1:1: error: this page would be written at /search/, which is already taken by the generated page /search/; rename the file"
            ],
            setUp: { site in try site.write("content/search.md", "---\ntitle: Search\n---\n\nFind things.\n") }),
    ]

    @Test(arguments: cases)
    func checkAndBuildReportTheSame(_ test: Case) throws {
        let site = try fixtureSite()
        try test.setUp(site)
        let options = BuildOptions(root: site.path, today: testToday)
        var checked: [String] = []
        do {
            _ = try Pipeline.check(options)
            Issue.record("check passed")
        } catch {
            checked = error.diagnostics.map(\.description)
        }
        #expect(checked == test.expected)
        #expect(buildFailure(options) == test.expected)
        #expect(!FileManager.default.fileExists(atPath: site.file("public")), "nothing is written")
    }

    /// Through the command, `check` and `build` fail alike, with exit status 1.
    @Test func theCommandsAgree() throws {
        let site = try fixtureSite()
        try Self.aboutAliases("/index.html")(site)
        let check = try CLITests.strata(["check", "--root", site.path])
        let build = try CLITests.strata(["build", "--root", site.path])
        let line = "content/about.md:4:11: error: alias '/index.html' is already taken by content/index.md\n"
        #expect(check.status == 1)
        #expect(build.status == 1)
        #expect(check.stderr == line + "check failed: 1 error\n")
        #expect(build.stderr == line + "build failed: 1 error\n")
    }

    /// Every HTML file a build writes is claimed: an alias onto any of them is refused by `check`.
    @Test func everyWrittenPageIsClaimed() throws {
        let site = try fixtureSite()
        _ = try Pipeline.build(BuildOptions(root: site.path, today: testToday))
        let pages = try listFiles(site.file("public")).filter { $0.hasSuffix(".html") }
        #expect(pages.count > 25)
        for page in pages {
            let attempt = try fixtureSite()
            try Self.aboutAliases("/" + page)(attempt)
            do {
                _ = try Pipeline.check(BuildOptions(root: attempt.path, today: testToday))
                Issue.record("an alias onto /\(page) passed check")
            } catch {
                // The fixture's own alias (old/depin/) is claimed after about.md's, so it is the one refused.
                let messages = error.diagnostics.map(\.message)
                let refused = "alias '/\(page)' is already taken by "
                let refusedOwn = "is already taken by an alias of content/about.md"
                #expect(
                    messages.count == 1 && (messages[0].hasPrefix(refused) || messages[0].hasSuffix(refusedOwn)),
                    "\(messages)")
            }
        }
    }

    /// Every file the search index writes is claimed: a file copied onto any of them is refused.
    @Test func everySearchFileIsClaimed() throws {
        let site = try fixtureSite()
        _ = try Pipeline.build(BuildOptions(root: site.path, today: testToday))
        let files = try listFiles(site.file("public")).filter { $0.hasPrefix("search/") && $0.hasSuffix(".js") }
        #expect(files.contains("search/index.js") && files.contains("search/words/0.js"))
        #expect(files.contains("search/pages/0.js") && files.count > 10)
        for file in files {
            let attempt = try fixtureSite()
            try attempt.write("content/" + file, "mine();\n")
            do {
                _ = try Pipeline.check(BuildOptions(root: attempt.path, today: testToday))
                Issue.record("a copied file onto /\(file) passed check")
            } catch {
                let messages = error.diagnostics.map(\.description)
                let refused =
                    "content/\(file):1:1: error: this file would be copied to /\(file), which is already taken by "
                #expect(messages.count == 1 && messages[0].hasPrefix(refused + "the "), "\(messages)")
            }
        }
    }

    /// Old URLs that nothing else claims still redirect, as folders or `.html` files.
    @Test func freeAliasesAreWritten() throws {
        let site = try fixtureSite()
        try Self.aboutAliases("/team/, /who.html, /people")(site)
        _ = try Pipeline.build(BuildOptions(root: site.path, today: testToday))
        for path in ["team/index.html", "who.html", "people/index.html"] {
            #expect(try site.read("public/" + path).contains("http-equiv=\"refresh\""), "\(path)")
        }
    }
}
