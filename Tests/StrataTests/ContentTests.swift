import Testing

@testable import Strata

/// The repository's own research content: it builds cleanly with --strict, and every profile the
/// site promises is there, cited and assessed against the whole rubric.
@Suite struct ContentTests {
    static let source = SiteReader.read(root: Repo.root)
    static let parsed = SiteParser.parse(source)
    static var options: BuildOptions { BuildOptions(root: Repo.root, strict: true, today: testToday) }

    static let profiles = [
        "grass", "io-net", "bittensor", "morpheus", "wayfinder", "helium", "hivemapper", "gensyn", "ritual",
        "sahara", "nous-research", "taoshi", "cortex-t",
        // The map widened across the six layers.
        "akash", "render", "aethir", "filecoin", "arweave", "vana", "ocean", "phala",
        "prime-intellect", "pluralis", "ezkl", "atoma", "allora", "fetch-ai", "olas", "virtuals",
    ]

    @Test func buildsWithoutErrorsOrWarnings() {
        do {
            let rendered = try Pipeline.render(Self.source, options: Self.options)
            #expect(rendered.warnings.map(\.description) == [])
            #expect(rendered.files.contains { $0.path == "index.html" })
        } catch {
            Issue.record("the site's content does not build with --strict:\n\(error)")
        }
    }

    @Test func checkAgrees() {
        #expect(throws: Never.self) { try Pipeline.check(Self.options) }
    }

    @Test(arguments: profiles)
    func profileIsCitedAndAssessed(_ slug: String) throws {
        let parsed = Self.parsed
        let config = try #require(parsed.config, "content/site.yml has errors")
        let page = try #require(
            parsed.pages.first { $0.path == "content/projects/\(slug).md" }, "content/projects/\(slug).md is missing")
        #expect(page.kind == .project)
        #expect(!page.fields.draft, "\(slug) is a draft")
        let project = try #require(page.fields.project)

        let sources = Set(page.fields.sources.map(\.id.value))
        #expect(!sources.isEmpty, "\(slug) lists no sources")
        let cited = Set(page.document.citations)
        #expect(!cited.intersection(sources).isEmpty, "\(slug) cites none of its sources in the text")
        #expect(cited.isSubset(of: sources), "\(slug) cites unknown sources: \(cited.subtracting(sources).sorted())")

        let assessment = try #require(project.assessment, "\(slug) has no assessment")
        for question in config.rubric {
            #expect(assessment.item(question.key) != nil, "\(slug) does not answer '\(question.key)'")
        }
        #expect(assessment.verdict != nil, "\(slug) has no verdict")
        #expect(!page.fields.layers.isEmpty)
        #expect(project.direction != nil)
    }

    /// The research rules: at least two sources, each online with the day it was read; every
    /// answer argued with a note and a source; status and token dated; a review date.
    @Test(arguments: profiles)
    func profileIsSourcedAndDated(_ slug: String) throws {
        let page = try #require(Self.parsed.pages.first { $0.path == "content/projects/\(slug).md" })
        let project = try #require(page.fields.project)
        #expect(page.fields.sources.count >= 2, "\(slug) has \(page.fields.sources.count) source(s)")
        for source in page.fields.sources {
            #expect(source.url != nil, "\(slug): source '\(source.id.value)' has no URL")
            #expect(source.accessed != nil, "\(slug): source '\(source.id.value)' has no 'accessed' date")
        }
        for item in project.assessment?.items ?? [] {
            #expect(item.note?.isEmpty == false, "\(slug): '\(item.key.value)' has no note")
            #expect(!item.sources.isEmpty, "\(slug): '\(item.key.value)' cites no source")
        }
        #expect(project.status?.asOf != nil, "\(slug): no status, or a status without as_of")
        if let token = project.token { #expect(token.asOf != nil, "\(slug): token without as_of") }
        #expect(page.fields.reviewed != nil, "\(slug) has no review date")
    }

    /// The verdict rule of the rubric's note, applied to every profile the same way.
    @Test(arguments: profiles)
    func verdictFollowsTheRule(_ slug: String) throws {
        let page = try #require(Self.parsed.pages.first { $0.path == "content/projects/\(slug).md" })
        let assessment = try #require(page.fields.project?.assessment)
        func answer(_ key: String) -> Assessment.Answer? { assessment.item(key)?.answer }
        func isOneOf(_ key: String, _ answers: Set<Assessment.Answer>) -> Bool { answer(key).map(answers.contains) ?? false }
        let expected: Assessment.Verdict =
            if ["needs-crypto", "not-a-wrapper", "not-a-label"].contains(where: { answer($0) == .no }) {
                .noise
            } else if ["needs-crypto", "not-a-wrapper", "not-a-label", "distinct"].allSatisfy({
                isOneOf($0, [.yes, .notApplicable])
            }) && isOneOf("real-demand", [.yes, .partly]) && isOneOf("verifies-supply", [.yes, .partly, .notApplicable]) {
                .signal
            } else {
                .mixed
            }
        #expect(assessment.verdict == expected, "\(slug) is \(assessment.verdict?.rawValue ?? "unrated"), the rule gives \(expected)")
    }

    @Test func everyProfileIsInTheModel() throws {
        let parsed = Self.parsed
        let config = try #require(parsed.config)
        let site = SiteModel.build(
            parsed, config: config, includeDrafts: false, commitDates: Self.source.commitDates, today: Self.options.day)
        let slugs = Set(site.projects.map { site.pages[$0].slug })
        #expect(Set(Self.profiles).subtracting(slugs).sorted() == [])
        #expect(config.rubric.count >= 4, "the rubric in content/site.yml has \(config.rubric.count) questions")
    }
}
