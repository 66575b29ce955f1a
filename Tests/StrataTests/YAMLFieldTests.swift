import Testing

@testable import Strata

/// Front matter fields and site.yml: types, enums, unknown and duplicate keys, and where each error points.
@Suite struct YAMLFieldTests {
    static let config: SiteConfig = {
        let (config, diagnostics) = SiteConfig.decode(MemorySite.twoQuestionConfig)
        precondition(diagnostics.isEmpty, "\(diagnostics)")
        return config!
    }()

    static func parse(_ path: String, _ frontMatter: String) -> (ParsedPage?, [String]) {
        let file = SiteSource.TextFile(path: path, text: "---\n" + frontMatter + "\n---\nBody.\n")
        let (page, diagnostics) = SiteParser.parse(file, config: config)
        return (page, diagnostics.sorted().map(\.description))
    }

    static func project(_ frontMatter: String) -> (ParsedPage?, [String]) {
        parse("content/projects/p.md", "title: P\nlayers: [compute]\ndirection: crypto-for-ai\n" + frontMatter)
    }

    // MARK: Values stay what the author wrote

    @Test func yesAndNoRubricAnswersStayAnswers() throws {
        let (page, diagnostics) = Self.project(
            """
            assessment:
              needs-crypto: yes
              real-demand: no
              verdict: noise
            """)
        #expect(diagnostics == [])
        let assessment = try #require(page?.fields.project?.assessment)
        #expect(assessment.item("needs-crypto")?.answer == .yes)
        #expect(assessment.item("real-demand")?.answer == .no)
        #expect(assessment.verdict == .noise)
    }

    @Test func quotedAndMappedAnswers() throws {
        let (page, diagnostics) = Self.project(
            """
            assessment:
              needs-crypto: "partly"
              real-demand: {answer: unknown, note: "No figures.", sources: [s1]}
              verdict: mixed
            sources:
              - {id: s1, title: S}
            """)
        #expect(diagnostics == [])
        let assessment = try #require(page?.fields.project?.assessment)
        #expect(assessment.item("needs-crypto")?.answer == .partly)
        let demand = try #require(assessment.item("real-demand"))
        #expect(demand.answer == .unknown)
        #expect(demand.note == "No figures.")
        #expect(demand.sources.map(\.value) == ["s1"])
    }

    @Test func textThatLooksLikeABooleanOrNumberStaysText() throws {
        let (page, diagnostics) = Self.parse("content/notes/n.md", "title: yes\nsummary: 1.50\ntags: [no, on]")
        #expect(diagnostics == [])
        #expect(page?.fields.title == "yes")
        #expect(page?.fields.summary == "1.50")
        #expect(page?.fields.tags.map(\.value) == ["no", "on"])
    }

    @Test func tokenNullMeansNoTokenAndAbsentMeansUnknown() {
        #expect(Self.project("token: null").0?.fields.project?.token?.value == .noToken)
        #expect(Self.project("token: ~").0?.fields.project?.token?.value == .noToken)
        #expect(Self.project("token: \"null\"").0?.fields.project?.token?.value == .ticker("null"))
        #expect(Self.project("token: TAO").0?.fields.project?.token?.value == .ticker("TAO"))
        #expect(Self.project("status: live").0?.fields.project?.token == nil)
    }

    @Test func launchedTakesADateOrAYear() {
        #expect(Self.project("launched: 2023").0?.fields.project?.launched == "2023")
        #expect(Self.project("launched: 2023-04-05").0?.fields.project?.launched == "2023-04-05")
        #expect(
            Self.project("launched: April 2023").1 == [
                "content/projects/p.md:5:11: error: 'launched' must be YYYY-MM-DD or YYYY, not 'April 2023'"
            ])
    }

    // MARK: Errors point at the key or value

    @Test func unknownKeySuggestsTheNearestOne() {
        let (page, diagnostics) = Self.parse("content/notes/n.md", "title: N\nsumary: S")
        #expect(
            diagnostics == [
                "content/notes/n.md:3:1: error: unknown key 'sumary' in the front matter of a note; did you mean 'summary'?"
            ])
        #expect(page != nil, "a page with a misspelt key is kept, so links to it still resolve")
    }

    @Test func unknownKeyWithNothingCloseListsTheAllowedKeys() {
        #expect(
            Self.parse("content/notes/n.md", "title: N\ncolour: red").1 == [
                "content/notes/n.md:3:1: error: unknown key 'colour' in the front matter of a note; allowed keys are title, summary, date, updated, tags, draft, aliases, sources, layers, reviewed"
            ])
    }

    @Test func projectKeysAreNotAllowedOnNotes() {
        #expect(
            Self.parse("content/notes/n.md", "title: N\ndirection: crypto-for-ai").1 == [
                "content/notes/n.md:3:1: error: unknown key 'direction' in the front matter of a note; allowed keys are title, summary, date, updated, tags, draft, aliases, sources, layers, reviewed"
            ])
    }

    @Test func unknownKeysInNestedMaps() {
        #expect(
            Self.project("sources:\n  - id: s\n    titel: S").1 == [
                "content/projects/p.md:6:5: error: missing required key 'title' in a source; add 'title: …'",
                "content/projects/p.md:7:5: error: unknown key 'titel' in a source; did you mean 'title'?",
            ])
        #expect(
            Self.project("links:\n  homepage: https://a.example").1 == [
                "content/projects/p.md:6:3: error: unknown key 'homepage' in 'links'; allowed keys are website, docs, repo, whitepaper, x, explorer"
            ])
    }

    /// Points at the second of the repeated keys, the one to remove, also in a nested mapping.
    @Test func duplicateKey() {
        #expect(
            Self.parse("content/notes/n.md", "title: N\nsummary: A\nsummary: B").1 == [
                "content/notes/n.md:4:1: error: duplicate key 'summary': each key may appear once; remove or rename this one"
            ])
        #expect(
            Self.project(
                "links:\n  website: https://a.example\n  docs: https://d.example\n  website: https://b.example"
            )
            .1 == [
                "content/projects/p.md:8:3: error: duplicate key 'website': each key may appear once; remove or rename this one"
            ])
    }

    /// An unclosed quote is reported where it opens, not where libyaml runs out of text.
    @Test func unclosedQuotePointsAtItsStart() {
        #expect(
            Self.parse("content/notes/n.md", "title: N\nsummary: \"open\ntags: [a]").1 == [
                "content/notes/n.md:3:10: error: invalid YAML: found unexpected end of stream while scanning a quoted scalar that starts here (noticed at line 4, column 10); is a quote or bracket left open?"
            ])
    }

    @Test func missingRequiredKeys() {
        #expect(
            Self.parse("content/projects/p.md", "title: P").1 == [
                "content/projects/p.md:3:1: error: missing required key 'direction' in the front matter of a project profile; add 'direction: …'",
                "content/projects/p.md:3:1: error: missing required key 'layers' in the front matter of a project profile; add 'layers: …'",
            ])
        #expect(
            Self.parse("content/stack/s.md", "title: S").1 == [
                "content/stack/s.md:3:1: error: missing required key 'order' in the front matter of a stack layer; add 'order: …'"
            ])
    }

    @Test func wrongTypes() {
        #expect(
            Self.parse("content/stack/s.md", "title: S\norder: first").1 == [
                "content/stack/s.md:3:8: error: 'order' must be a whole number, not 'first'"
            ])
        #expect(
            Self.parse("content/notes/n.md", "title: [a, b]").1 == [
                "content/notes/n.md:2:8: error: 'title' must be text, not a list"
            ])
        #expect(
            Self.parse("content/notes/n.md", "title: N\ndraft: yes").1 == [
                "content/notes/n.md:3:8: error: 'draft' must be true or false, not 'yes'"
            ])
        #expect(
            Self.parse("content/notes/n.md", "title: N\ndate: 2024-02-30").1 == [
                "content/notes/n.md:3:7: error: 'date' is '2024-02-30', a day that does not exist: February 2024 has 29 days"
            ])
    }

    @Test func badEnumValuesListTheChoices() {
        #expect(
            Self.parse("content/projects/p.md", "title: P\nlayers: [compute]\ndirection: crypto-4-ai").1 == [
                "content/projects/p.md:4:12: error: 'direction' must be one of crypto-for-ai, ai-for-crypto, both; found 'crypto-4-ai'"
            ])
        #expect(
            Self.project("status: mainnet").1 == [
                "content/projects/p.md:5:9: error: 'status' must be one of announced, testnet, live, deprecated, defunct; found 'mainnet'"
            ])
        #expect(
            Self.project("assessment:\n  needs-crypto: maybe").1 == [
                "content/projects/p.md:6:17: error: 'needs-crypto' must be one of yes, partly, no, unknown, n/a; found 'maybe'"
            ])
        #expect(
            Self.project("sector: storage").1 == [
                "content/projects/p.md:5:9: error: unknown sector 'storage'; site.yml lists depin, agents"
            ])
    }

    @Test func unknownRubricQuestion() {
        #expect(
            Self.project("assessment:\n  needs-crypt0: yes").1 == [
                "content/projects/p.md:6:3: error: unknown rubric question 'needs-crypt0'; did you mean 'needs-crypto'?"
            ])
    }

    /// A profile without an assessment is warned about at its closing `---`, where the block would go.
    @Test func missingAssessmentPointsAtTheEndOfTheFrontMatter() {
        let page = "---\ntitle: P\nlayers: [compute]\ndirection: crypto-for-ai\n---\nText.\n"
        #expect(
            MemorySite.errors(
                ["content/stack/compute.md": "---\ntitle: Compute\norder: 1\n---\n", "content/projects/p.md": page],
                strict: true) == [
                    "content/projects/p.md:5:1: error: no assessment: answer the rubric questions (needs-crypto) and give a verdict"
                ])
    }

    @Test func slugsInLists() {
        #expect(
            Self.parse("content/notes/n.md", "title: N\ntags: [GPU, gpu, gpu]").1 == [
                "content/notes/n.md:3:8: error: 'tags' must be a slug (lowercase letters, digits and single hyphens), not 'GPU'",
                "content/notes/n.md:3:18: error: 'gpu' is listed twice in 'tags'",
            ])
    }

    @Test func metricsCarryDateAndSource() {
        #expect(
            Self.project("metrics:\n  - {name: Users, value: \"10\"}").1 == [
                "content/projects/p.md:6:5: error: missing required key 'as_of' in a metric (every number carries its date and source); add 'as_of: …'",
                "content/projects/p.md:6:5: error: missing required key 'source' in a metric (every number carries its date and source); add 'source: …'",
            ])
    }

    @Test func emptyLayersListOnAProfile() {
        #expect(
            Self.parse("content/projects/p.md", "title: P\nlayers: []\ndirection: ai-for-crypto").1 == [
                "content/projects/p.md:3:9: error: 'layers' must name at least one layer of content/stack/"
            ])
    }

    @Test func invalidYAML() {
        #expect(Self.parse("content/notes/n.md", "title: N\nsummary: [unclosed").1.count == 1)
        let diagnostics = Self.parse("content/notes/n.md", "title: \"N\nsummary: x").1
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("content/notes/n.md:") == true)
        #expect(diagnostics.first?.contains(": error: invalid YAML: ") == true)
    }

    // MARK: site.yml

    static func configDiagnostics(_ text: String) -> [String] {
        SiteConfig.decode(text).1.sorted().map(\.description)
    }

    @Test func siteConfigDefaultsAndNormalisation() throws {
        let (config, diagnostics) = SiteConfig.decode(
            """
            title: T
            base_url: https://example.org/research
            repo_url: https://github.com/o/r/
            """)
        #expect(diagnostics.isEmpty)
        let site = try #require(config)
        #expect(site.baseURL == "https://example.org/research/")
        #expect(site.repoURL == "https://github.com/o/r")
        #expect(site.reviewEveryDays == 180)
        #expect(site.unsafeHTML == false)
        #expect(site.language == "en")
    }

    @Test func siteConfigRelationsAndRubric() throws {
        let config = Self.config
        #expect(config.relationType("runs-on") == .init(key: "runs-on", label: "Runs on", inverseLabel: "Hosts"))
        #expect(config.rubric.map(\.key) == ["needs-crypto", "real-demand"])
        #expect(config.sectors == ["depin", "agents"])
    }

    @Test func siteConfigErrors() {
        #expect(
            Self.configDiagnostics("title: T\nreview_every_day: 30") == [
                "content/site.yml:2:1: error: unknown key 'review_every_day' in site.yml; did you mean 'review_every_days'?"
            ])
        #expect(
            Self.configDiagnostics("description: D") == [
                "content/site.yml:1:1: error: missing required key 'title' in site.yml; add 'title: …'"
            ])
        #expect(
            Self.configDiagnostics("title: T\nrelations:\n  uses: [Uses]") == [
                "content/site.yml:3:9: error: relation type 'uses' needs two labels: [label, label seen from the target]"
            ])
        #expect(
            Self.configDiagnostics("title: T\nbase_url: example.org") == [
                "content/site.yml:2:11: error: 'base_url' must be an http or https URL, not 'example.org'"
            ])
        #expect(
            Self.configDiagnostics("title: T\nrubric:\n  verdict: Is it good?") == [
                "content/site.yml:3:3: error: rubric key 'verdict' must be a slug other than 'verdict'"
            ])
        #expect(
            SiteConfig.decode(nil).1.map(\.description) == [
                "content/site.yml:1:1: error: missing site settings: create content/site.yml with at least a title"
            ])
    }
}
