import Foundation
import StrataTemplates
import Testing

@testable import Strata

/// What the theme's pictures and controls are built from: the stack diagram, the landscape, the
/// table filters, the relation graph and the edit links, checked on the values the templates get.
@Suite struct ThemeContextTests {
    static let config = """
        title: Theme
        repo_url: https://github.com/o/r/
        repo_branch: trunk
        sectors: [depin, agents]
        relations:
          runs-on: [Runs on, Hosts]
          uses: [Uses, Used by]
        rubric:
          needs-crypto: Does it need crypto?
          real-demand: Do paying users drive it?
        """

    static func project(_ slug: String, _ fields: String) -> (String, String) {
        ("content/projects/\(slug).md", "---\ntitle: \(slug.capitalized)\n\(fields)\n---\n")
    }

    /// Two layers; 15 projects on compute so the stack diagram has to cut its list.
    static let pages: [String: String] = {
        var pages = [
            "content/index.md": "---\ntitle: Home\n---\n",
            "content/stack/compute.md": "---\ntitle: Compute\norder: 1\n---\n",
            "content/stack/data.md": "---\ntitle: Data\norder: 2\n---\n",
            "content/notes/idea.md": "---\ntitle: Idea\nlayers: [data]\n---\n",
        ]
        for number in 1...15 {
            let (path, text) = project(
                String(format: "p%02d", number),
                "layers: [compute]\ndirection: ai-for-crypto\nsector: \(number % 2 == 0 ? "agents" : "depin")")
            pages[path] = text
        }
        let extra = [
            project(
                "alpha",
                """
                layers: [compute, data]
                sector: depin
                status: live
                chains: [solana, base]
                direction: crypto-for-ai
                relations:
                  - {type: runs-on, target: beta}
                  - {type: uses, target: beta}
                assessment: {needs-crypto: yes, real-demand: yes, verdict: signal}
                """),
            project("beta", "layers: [data]\ndirection: crypto-for-ai\nassessment: {needs-crypto: no, verdict: noise}"),
            project("gamma", "layers: [data]\ndirection: crypto-for-ai\nrelations:\n  - {type: uses, target: alpha}"),
            project("lonely", "layers: [data]\ndirection: crypto-for-ai"),
        ]
        for (path, text) in extra { pages[path] = text }
        return pages
    }()

    static let resolved: ResolvedSite = {
        let options = BuildOptions(root: "/nonexistent-site", today: testToday)
        do {
            return try Pipeline.render(MemorySite.source(pages, config: config), options: options).plan.resolved
        } catch let error as BuildFailure {
            // A site that fails to build here is a broken test fixture: say why rather than trap blindly.
            preconditionFailure(error.diagnostics.map(\.description).joined(separator: "\n"))
        } catch {
            preconditionFailure("\(error)")
        }
    }()

    static func builder(at url: String) -> ViewBuilder { ViewBuilder(resolved: resolved, url: url) }
    static func index(_ path: String) -> Int { resolved.site.byPath[path]! }

    @Test func stackDiagramNamesTwelveProjectsPerLayerAndCountsTheRest() throws {
        let stack = Self.builder(at: "").stackLayers().map(\.templateValue)
        #expect(stack.map { $0["slug"]?.string } == ["compute", "data"])
        let compute = stack[0]
        #expect(compute["count"]?.int == 16)
        #expect((compute["projects"]?.list)?.count == ViewBuilder.stackProjectLimit)
        #expect(compute["more"]?.int == 4)
        #expect((compute["projects"]?.list)?.first?["url"]?.string == "projects/alpha/")
        // A layer that fits shows every project and no "more".
        #expect((stack[1]["projects"]?.list)?.count == 4)
        #expect(stack[1]["more"]?.bool == false)
    }

    @Test func stackDiagramMarksTheLayerPageAndAProfilesLayers() throws {
        let (_, layer) = Self.builder(at: "stack/data/").contentPage(Self.index("content/stack/data.md"))
        let layerStack = try #require(layer["stack"]?.list)
        #expect(layerStack.map { $0["current"]?.bool } == [false, true])
        let (_, profile) = Self.builder(at: "projects/alpha/").contentPage(Self.index("content/projects/alpha.md"))
        let profileStack = try #require(profile["stack"]?.list)
        #expect(profileStack.map { $0["current"]?.bool } == [true, true])
        #expect(profileStack[0]["url"]?.string == "../../stack/compute/")
    }

    @Test func landscapeGroupsEachLayersProjectsBySectorInSiteOrder() throws {
        let landscape = Self.builder(at: "landscape/").landscape().templateValue
        let layers = try #require(landscape["layers"]?.list)
        let data = layers[1]
        #expect(data["title"]?.string == "Data")
        let sectors = try #require(data["sectors"]?.list)
        #expect(sectors.map { $0["name"]?.string } == ["depin", "other"])
        #expect(sectors[0]["url"]?.string == "../sectors/depin/")
        #expect(sectors[1]["url"]?.bool == false)
        let other = try #require(sectors[1]["cards"]?.list)
        #expect(other.map { $0["title"]?.string } == ["Beta", "Gamma", "Lonely"])
        #expect(other[0]["verdict"]?.string == "noise")
        #expect(other[0]["status"]?.string == "unknown")
        let compute = try #require(layers[0]["sectors"]?.list)
        #expect(compute.map { $0["count"]?.int } == [9, 7])
    }

    @Test func landscapeIsAPageInTheNavigation() throws {
        let files = try #require(try? MemorySite.render(Self.pages, config: Self.config).get())
        #expect(files["landscape/index.html"] != nil)
        let nav = Self.builder(at: "landscape/").common(title: "", summary: nil).templateValue["nav"]?.list
        let current = nav?.first { $0["current"]?.bool == true }
        #expect(current?["title"]?.string == "Landscape")
    }

    @Test func layerPageCarriesItsLandscape() throws {
        let (_, layer) = Self.builder(at: "stack/compute/").contentPage(Self.index("content/stack/compute.md"))
        let sectors = try #require(layer["sectors"]?.list)
        #expect(sectors.map { $0["name"]?.string } == ["depin", "agents"])
    }

    @Test func tableFiltersOfferOnlyValuesThatOccurWithTheirCounts() throws {
        let filters = Self.builder(at: "projects/").projectFilters().map(\.templateValue)
        #expect(
            filters.map { $0["name"]?.string } == ["layer", "direction", "sector", "status", "chain", "verdict"])
        func options(_ name: String) -> [String: Int] {
            let filter = filters.first { $0["name"]?.string == name }
            let options = filter?["options"]?.list ?? []
            return Dictionary(uniqueKeysWithValues: options.map { ($0["value"]?.string ?? "", $0["count"]?.int ?? 0) })
        }
        #expect(options("layer") == ["compute": 16, "data": 4])
        #expect(options("chain") == ["base": 1, "solana": 1])
        #expect(options("verdict") == ["signal": 1, "noise": 1, "unrated": 17])
        #expect(options("direction") == ["crypto-for-ai": 4, "ai-for-crypto": 15])
        #expect(options("status") == ["live": 1, "unknown": 18])
        let row = Self.builder(at: "projects/").projectRow(Self.index("content/projects/alpha.md")).templateValue
        #expect(row["chainSlugs"]?.string == "solana base")
        #expect(row["layerSlugs"]?.string == "compute data")
    }

    @Test func relationGraphLinksEveryNeighbourOnceBothWays() throws {
        let svg = try #require(
            Self.builder(at: "projects/alpha/").relationGraph(Self.index("content/projects/alpha.md")))
        #expect(svg.hasPrefix("<svg class=\"relation-graph\""))
        #expect(svg.hasSuffix("</svg>"))
        // Beta is related twice (runs on, uses) and drawn once with both labels; Gamma points at Alpha.
        #expect(svg.components(separatedBy: "href=\"../../projects/beta/\"").count == 2)
        #expect(svg.contains("aria-label=\"Beta (Runs on, Uses)\""))
        #expect(svg.contains("href=\"../../projects/gamma/\" aria-label=\"Gamma (Used by)\""))
        // The project itself is drawn but is not a link to itself.
        #expect(!svg.contains("href=\"../../projects/alpha/\""))
        #expect(svg.contains(">Alpha</text>"))
        #expect(Self.builder(at: "projects/lonely/").relationGraph(Self.index("content/projects/lonely.md")) == nil)
    }

    @Test func relationGraphDrawsAtMostTheLimit() throws {
        var pages = Self.pages
        let targets = (1...15).map { String(format: "  - {type: uses, target: p%02d}", $0) }.joined(separator: "\n")
        pages["content/projects/hub.md"] =
            "---\ntitle: Hub\nlayers: [data]\ndirection: crypto-for-ai\nrelations:\n\(targets)\n---\n"
        let options = BuildOptions(root: "/nonexistent-site", today: testToday)
        let resolved = try Pipeline.render(MemorySite.source(pages, config: Self.config), options: options).plan
            .resolved
        let hub = resolved.site.byPath["content/projects/hub.md"]!
        let svg = try #require(ViewBuilder(resolved: resolved, url: "projects/hub/").relationGraph(hub))
        #expect(svg.components(separatedBy: "<a ").count - 1 == ViewBuilder.graphNeighbourLimit)
    }

    @Test func editAndHistoryLinksFollowTheRepositoryAndBranch() throws {
        let (_, context) = Self.builder(at: "notes/idea/").contentPage(Self.index("content/notes/idea.md"))
        #expect(context["editURL"]?.string == "https://github.com/o/r/edit/trunk/content/notes/idea.md")
        #expect(context["historyURL"]?.string == "https://github.com/o/r/commits/trunk/content/notes/idea.md")
    }

    @Test func homeCountsProfilesByVerdict() throws {
        let (_, home) = Self.builder(at: "").contentPage(Self.index("content/index.md"))
        let stats = try #require(home["stats"]?.object)
        #expect(stats["projects"]?.int == 19)
        #expect(stats["signal"]?.int == 1)
        #expect(stats["noise"]?.int == 1)
        #expect(stats["mixed"]?.int == 0)
        #expect(stats["unrated"]?.int == 17)
    }

    @Test func scorecardRowsCountTheirYesAnswers() throws {
        let rows = try #require(Self.builder(at: "scorecard/").scorecard().templateValue["rows"]?.list)
        let yes = Dictionary(uniqueKeysWithValues: rows.map { ($0["title"]?.string ?? "", $0["yes"]?.int ?? 0) })
        #expect(yes["Alpha"] == 2)
        #expect(yes["Beta"] == 0)
    }

    @Test func tokenFactTellsATickerFromNoTokenAndUnknown() throws {
        var pages = Self.pages
        pages["content/projects/t1.md"] = "---\ntitle: T1\nlayers: [data]\ndirection: crypto-for-ai\ntoken: TK\n---\n"
        pages["content/projects/t2.md"] = "---\ntitle: T2\nlayers: [data]\ndirection: crypto-for-ai\ntoken: null\n---\n"
        let options = BuildOptions(root: "/nonexistent-site", today: testToday)
        let resolved = try Pipeline.render(MemorySite.source(pages, config: Self.config), options: options).plan
            .resolved
        func facts(_ slug: String) -> (String?, String?) {
            let builder = ViewBuilder(resolved: resolved, url: "projects/\(slug)/")
            let (_, context) = builder.contentPage(resolved.site.byPath["content/projects/\(slug).md"]!)
            return (context["token"]?.string, context["tokenClass"]?.string)
        }
        #expect(facts("t1") == ("TK", "token"))
        #expect(facts("t2") == ("none", "no-token"))
        #expect(facts("lonely") == ("unknown", "unknown"))
    }

    @Test func aNoteInAListDoesNotInheritTheProfileAroundIt() throws {
        let item = Self.builder(at: "").item(Self.index("content/notes/idea.md")).value
        #expect(item["verdict"]?.bool == false)
        #expect(item["status"]?.bool == false)
        #expect(item["sector"]?.bool == false)
    }
}

/// The default theme's promise: its stylesheets and scripts together stay under 54 KB (docs/decisions.md).
@Suite struct ThemeBudgetTests {
    @Test func cssAndJavaScriptStayUnderFiftyFourKilobytes() throws {
        let assets = Repo.templates + "/assets"
        let files = try FileManager.default.contentsOfDirectory(atPath: assets)
            .filter { $0.hasSuffix(".css") || $0.hasSuffix(".js") }
        #expect(Set(files).isSuperset(of: ["strata.css", "strata.js", "search.js"]))
        let bytes = try files.reduce(0) { total, name in
            total + (try FileManager.default.attributesOfItem(atPath: assets + "/" + name)[.size] as? Int ?? 0)
        }
        #expect(bytes < 54 * 1024, "the theme's CSS and JS weigh \(bytes) bytes")
    }
}
