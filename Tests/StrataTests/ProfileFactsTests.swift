import Testing

@testable import Strata

/// Facts that change over time (status and token with `as_of`), `direction: both`, `n/a`
/// answers and the `accessed` date of online sources (SPEC §2 and §6).
@Suite struct ProfileFactsTests {
    static let layer = "---\ntitle: Compute\norder: 1\n---\n"

    static func profile(_ frontMatter: String, body: String = "Text.") -> [String: String] {
        [
            "content/stack/compute.md": layer,
            "content/projects/p.md": "---\ntitle: P\nlayers: [compute]\ndirection: crypto-for-ai\n"
                + frontMatter + "\n---\n" + body + "\n",
        ]
    }

    static let docs = "sources:\n  - {id: docs, title: Docs, url: \"https://p.example/docs\", accessed: 2026-11-30}"

    @Test func datedStatusAndTokenKeepTheirDateAndSource() throws {
        let (page, diagnostics) = YAMLFieldTests.project(
            "status: {value: live, as_of: 2026-10-01, source: docs}\ntoken: {value: null, as_of: 2026-10-02}")
        #expect(diagnostics == [])
        let project = try #require(page?.fields.project)
        #expect(project.status?.value == .live)
        #expect(project.status?.asOf == Day("2026-10-01"))
        #expect(project.status?.source?.value == "docs")
        #expect(project.token?.value == .noToken)
        #expect(project.token?.asOf == Day("2026-10-02"))
        #expect(project.token?.source == nil)
    }

    @Test func aDatedFactNeedsAValueAndKnownKeys() {
        #expect(
            YAMLFieldTests.project("status: {as_of: 2026-10-01}").1 == [
                "content/projects/p.md:5:9: error: missing required key 'value' in 'status'; add 'value: …'"
            ])
        #expect(
            YAMLFieldTests.project("token: {value: TAO, asof: 2026-10-01}").1 == [
                "content/projects/p.md:5:21: error: unknown key 'asof' in 'token'; did you mean 'as_of'?"
            ])
        #expect(
            YAMLFieldTests.project("status: {value: mainnet, as_of: 2026-10-01}").1 == [
                "content/projects/p.md:5:17: error: 'status' must be one of announced, testnet, live, deprecated, defunct; found 'mainnet'"
            ])
    }

    @Test func theProfileShowsTheDateBesideTheValueLinkedToItsSource() {
        let files = MemorySite.files(
            Self.profile(
                "status: {value: live, as_of: 2026-10-01, source: docs}\ntoken: TAO\n" + Self.docs,
                body: "Docs [@docs]."))
        let main = MemorySite.main(files["projects/p/index.html"])
        #expect(
            main.contains(
                ##"<span class="status s-live">live</span> <span class="as-of">as of <time datetime="2026-10-01">2026-10-01</time> <a href="#source-1" aria-label="Source 1">[1]</a></span>"##
            ))
        #expect(main.contains(#"<span class="token">TAO</span></dd>"#))
    }

    @Test func exportsCarryTheDates() {
        let files = MemorySite.files(
            Self.profile("status: {value: testnet, as_of: 2026-09-01, source: docs}\ntoken: TAO\n" + Self.docs))
        let json = files["api/projects.json"] ?? ""
        #expect(json.contains(#""status": "testnet",\#n    "status_as_of": "2026-09-01",\#n    "token": "TAO","#))
        #expect(json.contains(#""accessed": "2026-11-30""#))
        let csv = (files["api/projects.csv"] ?? "").split(separator: "\r\n")
        #expect(csv.first?.hasPrefix("slug,title,url,layers,direction,sector,status,status_as_of,token,token_as_of,") == true)
        #expect(csv.dropFirst().first?.contains(",testnet,2026-09-01,TAO,,") == true)
    }

    @Test func strictWarnsAboutUndatedFactsAndUnaccessedSources() {
        let pages = Self.profile(
            "status: live\ntoken: {value: TAO, source: docs}\nsources:\n  - {id: docs, title: Docs, url: \"https://p.example/\"}",
            body: "Docs [@docs].")
        #expect(
            MemorySite.errors(pages, strict: true) == [
                "content/projects/p.md:5:1: error: 'status' has no 'as_of' date; write 'status: {value: …, as_of: YYYY-MM-DD, source: …}'",
                "content/projects/p.md:6:1: error: 'token' has no 'as_of' date; write 'token: {value: …, as_of: YYYY-MM-DD, source: …}'",
                "content/projects/p.md:8:5: error: source 'docs' has a URL but no 'accessed' date; add 'accessed: YYYY-MM-DD', the day you read it",
                "content/projects/p.md:9:1: error: no assessment: answer the rubric questions (needs-crypto) and give a verdict",
            ])
    }

    @Test func aFactsSourceMustBeListedAndCountsAsCited() {
        #expect(
            MemorySite.errors(Self.profile("status: {value: live, as_of: 2026-10-01, source: nowhere}")) == [
                "content/projects/p.md:5:50: error: status source 'nowhere' is not among this page's sources",
                "content/projects/p.md:6:1: warning: no assessment: answer the rubric questions (needs-crypto) and give a verdict",
            ])
        // `docs` is cited only by the status: no "listed but never cited" warning.
        let pages = Self.profile(
            "status: {value: live, as_of: 2026-10-01, source: docs}\n" + Self.docs
                + "\nassessment: {needs-crypto: yes, verdict: signal}\nreviewed: 2026-11-01")
        #expect(!MemorySite.files(pages).isEmpty)
        if case .failure(let failure) = MemorySite.render(pages, strict: true) { Issue.record("\(failure)") }
    }

    @Test func directionBothIsAllowedAndShown() {
        let pages = [
            "content/stack/compute.md": Self.layer,
            "content/projects/p.md": "---\ntitle: P\nlayers: [compute]\ndirection: both\n---\nText.\n",
        ]
        let files = MemorySite.files(pages)
        #expect(MemorySite.main(files["projects/p/index.html"]).contains("<dt>Direction</dt><dd>Both ways</dd>"))
        #expect(
            YAMLFieldTests.parse("content/projects/p.md", "title: P\nlayers: [compute]\ndirection: sideways").1 == [
                "content/projects/p.md:4:12: error: 'direction' must be one of crypto-for-ai, ai-for-crypto, both; found 'sideways'"
            ])
    }

    @Test func notApplicableNeedsANoteSayingWhy() {
        #expect(
            YAMLFieldTests.project("assessment:\n  needs-crypto: n/a").1 == [
                "content/projects/p.md:6:3: error: 'n/a' for 'needs-crypto' needs a note saying why the question does not apply; write 'needs-crypto: {answer: n/a, note: …}'"
            ])
        let (page, diagnostics) = YAMLFieldTests.project(
            "assessment:\n  needs-crypto: {answer: n/a, note: There is no token.}")
        #expect(diagnostics == [])
        #expect(page?.fields.project?.assessment?.item("needs-crypto")?.answer == .notApplicable)
        let files = MemorySite.files(
            Self.profile("assessment:\n  needs-crypto: {answer: n/a, note: There is no token.}\n  verdict: mixed"))
        #expect(MemorySite.main(files["projects/p/index.html"]).contains(#"<span class="answer a-n/a">n/a</span>"#))
        #expect(files["scorecard/index.html"]?.contains(#"<td class="a-n/a"><details><summary>n/a</summary><p>There is no token.</p></details></td>"#) == true)
    }
}
