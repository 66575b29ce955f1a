import Foundation
import Testing

@testable import Strata

/// One broken site per error SPEC names: each build fails with exactly these diagnostics and
/// leaves `public/` as it was.
@Suite struct FixtureErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var fixture: String
        var strict = false
        var expected: [String]
        var testDescription: String { fixture + (strict ? " (strict)" : "") }
    }

    static let cases: [Case] = [
        Case(
            fixture: "unusable-intros",
            expected: [
                "content/_index.md:1:1: error: the home page's text goes in content/index.md, not content/_index.md: rename this file",
                "content/guides/deeper/_index.md:1:1: error: the folder content/guides/deeper/ has no list page of its own, so this intro would not be shown: list pages are made for folders at the top of content/; move the text into content/guides/_index.md or into a page",
                "content/manual/_index.md:1:1: error: content/manual/index.md is this folder's own page, so no list page is made for this intro: move the text into index.md, or delete index.md to get a list page",
                "content/scorecard/_index.md:1:1: error: the generated page /scorecard/ takes no intro: an _index.md gives the title and intro of content/stack/, content/landscape/, content/projects/, content/notes/, content/map/, content/tags/, content/chains/, content/sectors/ or of a folder of pages of your own at the top of content/ (content/guides/_index.md)",
            ]),
        Case(
            fixture: "unknown-key",
            expected: [
                "content/projects/gamma-agents.md:3:1: error: unknown key 'sumary' in the front matter of a project profile; did you mean 'summary'?"
            ]),
        Case(
            fixture: "wrong-type",
            expected: [
                "content/stack/data.md:4:8: error: 'order' must be a whole number, not 'first'"
            ]),
        Case(
            fixture: "bad-enum",
            expected: [
                "content/projects/gamma-agents.md:7:9: error: 'status' must be one of announced, testnet, live, deprecated, defunct; found 'mainnet'"
            ]),
        Case(
            fixture: "missing-required-key",
            expected: [
                "content/projects/gamma-agents.md:20:1: error: missing required key 'direction' in the front matter of a project profile; add 'direction: …'"
            ]),
        Case(
            fixture: "dangling-layer",
            expected: [
                "content/projects/gamma-agents.md:4:16: error: unknown layer 'storage'; content/stack/ has data, compute"
            ]),
        Case(
            fixture: "dangling-relation-target",
            expected: [
                "content/projects/gamma-agents.md:10:13: error: relation target 'alpha-network' is not a project: content/projects/alpha-network.md does not exist"
            ]),
        Case(
            fixture: "unknown-relation-type",
            expected: [
                "content/projects/gamma-agents.md:9:11: error: unknown relation type 'forks'; site.yml defines builds-on, runs-on, competes-with"
            ]),
        Case(
            fixture: "unknown-source-citation",
            expected: [
                "content/projects/gamma-agents.md:23:57: error: unknown source 'gamma-blog'; this page's sources are gamma-post"
            ]),
        Case(
            fixture: "bad-slug-file-name",
            expected: [
                "content/notes/My Note.md:1:1: error: file name 'My Note.md' is not a slug: use lowercase letters, digits and single hyphens (rename it to 'my-note.md')"
            ]),
        Case(
            fixture: "missing-front-matter",
            expected: [
                "content/notes/loose.md:1:1: error: missing front matter: start the file with a line '---', then 'title: …', then '---'"
            ]),
        Case(
            fixture: "unclosed-front-matter",
            expected: [
                "content/notes/unclosed.md:1:1: error: front matter is not closed: end it with a line '---'"
            ]),
        Case(
            fixture: "invalid-yaml",
            expected: [
                "content/notes/broken.md:3:10: error: invalid YAML: found unexpected end of stream while scanning a quoted scalar that starts here (noticed at line 4, column 10); is a quote or bracket left open?"
            ]),
        // The page with the broken front matter is kept, so links to it add no errors of their own.
        Case(
            fixture: "duplicate-key",
            expected: [
                "content/notes/market-map.md:5:1: error: duplicate key 'title': each key may appear once; remove or rename this one"
            ]),
        Case(
            fixture: "wikilink-missing-page",
            expected: [
                "content/stack/data.md:7:24: error: no page named 'gamma-agent' for the link '[[gamma-agent]]'; did you mean '[[gamma-agents]]'?"
            ]),
        Case(
            fixture: "ambiguous-slug",
            expected: [
                "content/notes/data.md:5:14: error: '[[data]]' names pages in two sections (content/notes/data.md and content/stack/data.md); write [[notes/data]] or [[stack/data]]"
            ]),
        Case(
            fixture: "missing-heading",
            expected: [
                "content/index.md:11:72: error: content/notes/market-map.md has no heading '#the-territory'; its headings are the-map"
            ]),
        Case(
            fixture: "broken-md-link",
            expected: [
                "content/about.md:10:9: error: broken link 'history.md': content/history.md does not exist"
            ]),
        Case(
            fixture: "link-above-root",
            expected: [
                "content/about.md:10:5: error: link '../../etc/passwd' climbs above the site root"
            ]),
        Case(
            fixture: "alias-above-root",
            expected: [
                "content/about.md:4:11: error: alias '../../about-us/' must be a path inside the site, like /old/path/"
            ]),
        Case(
            fixture: "alias-collision",
            expected: [
                "content/about.md:4:11: error: alias '/notes/market-map/' is already taken by content/notes/market-map.md"
            ]),
        Case(
            fixture: "template-syntax-error",
            expected: [
                "templates/term.mustache:4:57: error: {{/page}} does not close the section 'pages' opened at 4:23: close that first with {{/pages}}"
            ]),
        Case(
            fixture: "stale-reviewed", strict: true,
            expected: [
                "content/projects/beta-chain.md:16:11: error: reviewed 2025-09-15, more than 180 days ago: check the page against its sources and update 'reviewed'"
            ]),
        Case(
            fixture: "unanswered-rubric", strict: true,
            expected: [
                "content/projects/beta-chain.md:9:1: error: assessment does not answer 'real-demand' (Do paying users drive its use?); add 'real-demand: yes|partly|no|unknown|n/a'"
            ]),
        Case(
            fixture: "uncited-source", strict: true,
            expected: [
                "content/projects/beta-chain.md:16:9: error: source 'beta-blog' is listed but never cited; cite it with [@beta-blog] or remove it"
            ]),
    ]

    @Test(arguments: cases)
    func buildFails(_ test: Case) throws {
        let site = try fixtureSite(test.fixture)
        try site.writeEarlierOutput(["sentinel.txt": "the last good build\n"])
        let options = BuildOptions(root: site.path, strict: test.strict, today: testToday)
        let diagnostics = buildFailure(options)
        #expect(diagnostics == test.expected)
        #expect(
            try listFiles(site.file("public")) == [OutputGuard.marker, "sentinel.txt"],
            "a failed build must leave public/ untouched")
        #expect(try site.read("public/sentinel.txt") == "the last good build\n")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: site.path).sorted() == [
                "content", "public", "templates",
            ],
            "no staging folder is left beside public/")
    }
}

extension FixtureErrorTests {
    /// Warnings do not stop a normal build: it succeeds, reports them, and replaces public/.
    @Test(arguments: ["stale-reviewed", "unanswered-rubric", "uncited-source"])
    func warningsOnlyFailWithStrict(_ fixture: String) throws {
        let site = try fixtureSite(fixture)
        try site.writeEarlierOutput(["sentinel.txt": "old\n"])
        let report = try Pipeline.build(BuildOptions(root: site.path, today: testToday))
        let expected = try #require(Self.cases.first { $0.fixture == fixture }?.expected)
        #expect(
            report.warnings.map(\.description)
                == expected.map { $0.replacingOccurrences(of: ": error: ", with: ": warning: ") })
        #expect(!FileManager.default.fileExists(atPath: site.file("public/sentinel.txt")))
        #expect(FileManager.default.fileExists(atPath: site.file("public/index.html")))
    }

    /// A symlink out of content/ is never followed: a warning, and an error only with --strict.
    @Test func symlinkOutsideContent() throws {
        let site = try fixtureSite()
        try site.write("secret.md", "---\ntitle: Secret\n---\n\nNot part of the site.\n")
        try FileManager.default.createSymbolicLink(
            atPath: site.file("content/notes/secret.md"), withDestinationPath: "../../secret.md")
        try site.writeEarlierOutput(["sentinel.txt": "old\n"])
        let warning = "content/notes/secret.md:1:1: warning: symlink points outside content/; it is not followed"

        #expect(
            buildFailure(BuildOptions(root: site.path, strict: true, today: testToday)) == [
                warning.replacingOccurrences(of: ": warning: ", with: ": error: ")
            ])
        #expect(try listFiles(site.file("public")) == [OutputGuard.marker, "sentinel.txt"])

        let report = try Pipeline.build(BuildOptions(root: site.path, today: testToday))
        #expect(report.warnings.map(\.description) == [warning])
        #expect(!FileManager.default.fileExists(atPath: site.file("public/notes/secret/index.html")))
        #expect(!FileManager.default.fileExists(atPath: site.file("public/notes/secret.md")))
    }

    /// A symlink that stays inside content/ is followed like the file it names.
    @Test func symlinkInsideContentIsFollowed() throws {
        let site = try fixtureSite()
        try FileManager.default.createSymbolicLink(
            atPath: site.file("content/images/logo-copy.png"), withDestinationPath: "logo.png")
        let report = try Pipeline.build(BuildOptions(root: site.path, strict: true, today: testToday))
        #expect(report.warnings.isEmpty)
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: site.file("public/images/logo-copy.png")))
                == Data(contentsOf: URL(fileURLWithPath: site.file("content/images/logo.png"))))
    }

    /// Every problem is reported, not only the first, in a stable order.
    @Test func allProblemsAreReportedInFileOrder() throws {
        let site = try fixtureSite("unknown-key")
        try copyTree(Repo.fixtures + "/errors/wrong-type", to: site.path)
        try copyTree(Repo.fixtures + "/errors/broken-md-link", to: site.path)
        let first = buildFailure(BuildOptions(root: site.path, today: testToday))
        #expect(
            first == [
                "content/about.md:10:9: error: broken link 'history.md': content/history.md does not exist",
                "content/projects/gamma-agents.md:3:1: error: unknown key 'sumary' in the front matter of a project profile; did you mean 'summary'?",
                "content/stack/data.md:4:8: error: 'order' must be a whole number, not 'first'",
            ])
        #expect(buildFailure(BuildOptions(root: site.path, today: testToday)) == first)
    }

    /// A file that is not UTF-8 is reported at its first bad byte; a UTF-8 byte order mark is fine.
    @Test func textThatIsNotUTF8() throws {
        let site = try fixtureSite()
        let bytes = Data("---\ntitle: Bad\n---\nGood line\nÜber ".utf8) + Data([0xFF]) + Data(" here\n".utf8)
        try bytes.write(to: URL(fileURLWithPath: site.file("content/notes/bytes.md")))
        let bom = Data([0xEF, 0xBB, 0xBF]) + Data("---\ntitle: Marked\n---\nText.\n".utf8)
        try bom.write(to: URL(fileURLWithPath: site.file("content/notes/bom.md")))
        #expect(
            buildFailure(BuildOptions(root: site.path, today: testToday)) == [
                "content/notes/bytes.md:5:6: error: the file is not UTF-8 text: byte 0xFF here is not valid UTF-8; save the file as UTF-8"
            ])
        try FileManager.default.removeItem(atPath: site.file("content/notes/bytes.md"))
        _ = try Pipeline.build(BuildOptions(root: site.path, today: testToday))
        #expect(try site.read("public/notes/bom/index.html").contains("<h1>Marked</h1>"))
    }

    @Test func missingSiteConfig() throws {
        let site = try fixtureSite()
        try FileManager.default.removeItem(atPath: site.file("content/site.yml"))
        #expect(
            buildFailure(BuildOptions(root: site.path, today: testToday)) == [
                "content/site.yml:1:1: error: missing site settings: create content/site.yml with at least a title"
            ])
    }

    @Test func missingTemplate() throws {
        let site = try fixtureSite()
        try FileManager.default.removeItem(atPath: site.file("templates/scorecard.mustache"))
        #expect(
            buildFailure(BuildOptions(root: site.path, today: testToday)) == [
                "templates/scorecard.mustache:1:1: error: the theme has no 'scorecard' template: add templates/scorecard.mustache"
            ])
    }
}
