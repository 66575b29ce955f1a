import Testing

@testable import Strata

/// The relation map: every profile and typed relation drawn at build time, grouped by layer,
/// split into one map per layer on a large site.
@Suite struct RelationMapTests {
    static let config = """
        title: Memory Site
        relations:
          runs-on: [Runs on, Hosts]
          competes-with: [Competes with, Competes with]
          uses: [Uses, Used by]
        """

    static func profile(_ title: String, layers: String, relations: String = "[]") -> String {
        "---\ntitle: \(title)\nlayers: \(layers)\ndirection: both\nrelations: \(relations)\n---\nText.\n"
    }

    static let pages = [
        "content/index.md": "---\ntitle: Home\n---\nWelcome.\n",
        "content/stack/compute.md": "---\ntitle: Compute\norder: 1\n---\n",
        "content/stack/data.md": "---\ntitle: Data\norder: 2\n---\n",
        "content/projects/a.md": profile(
            "A <Net>", layers: "[compute]",
            relations: "[{type: runs-on, target: b, note: On B since 2025.}, {type: competes-with, target: c}]"),
        "content/projects/b.md": profile("B", layers: "[compute, data]"),
        "content/projects/c.md": profile("C", layers: "[data]"),
        "content/projects/d.md": profile("D", layers: "[data]"),
    ]

    @Test func everyProfileIsABoxInItsFirstLayersBand() {
        let main = MemorySite.main(MemorySite.files(Self.pages, config: Self.config)["map/index.html"])
        #expect(main.contains(#"<title id="map-title">Relation map: 4 profiles and 2 relations, by layer</title>"#))
        for (slug, title) in [("a", "A &lt;Net&gt;"), ("b", "B"), ("c", "C"), ("d", "D")] {
            #expect(
                main.contains(#"<a class="graph-node" href="../projects/\#(slug)/" aria-label="\#(title)"><rect"#),
                "\(slug) is a link")
        }
        // Compute first (order 1) with A and B; Data below with C and D (B is drawn once, on its first layer).
        let compute = main.range(of: ">Compute</text>")?.lowerBound
        let data = main.range(of: ">Data</text>")?.lowerBound
        #expect(compute != nil && data != nil && compute! < data!)
        #expect(main.components(separatedBy: "aria-label=\"B\"").count == 2)
        #expect(main.contains(#"<path d="M"#) && main.contains(#"<title>A &lt;Net&gt; runs on B</title></path>"#))
        #expect(main.contains(#"marker-end="url(#map-arrow-0)""#), "a relation with a direction has an arrow")
        #expect(!main.contains(#"id="map-arrow-1""#), "one read the same both ways has none")
    }

    @Test func theLegendAndTheTextListNameEveryRelation() {
        let main = MemorySite.main(MemorySite.files(Self.pages, config: Self.config)["map/index.html"])
        #expect(
            main.contains(
                ##"<span><svg width="28" height="10" viewBox="0 0 28 10" aria-hidden="true" focusable="false"><line x1="1" y1="5" x2="27" y2="5" stroke="#0072B2" stroke-width="2.5"/></svg> Runs on (1)</span>"##
            ))
        #expect(main.contains("Competes with (1)"))
        #expect(!main.contains("Uses ("), "a type without relations is not in the legend")
        #expect(
            main.contains(
                #"<li><a href="../projects/a/">A &lt;Net&gt;</a> runs on <a href="../projects/b/">B</a> <span class="note">On B since 2025.</span></li>"#
            ))
    }

    @Test func theStackAndProfilesLinkTheMap() {
        let files = MemorySite.files(Self.pages, config: Self.config)
        #expect(MemorySite.main(files["stack/index.html"]).contains(#"<a href="../map/">The relation map</a>"#))
        #expect(MemorySite.main(files["projects/a/index.html"]).contains(#"<a href="../../map/">Every relation on the map</a>"#))
    }

    @Test func aLargeSiteHasOneMapPerLayer() throws {
        var pages = Self.pages
        for number in 1...(GeneratedURLs.mapSplitAbove - 3) {
            let target = number > 1 ? "[{type: uses, target: p\(number - 1)}]" : "[]"
            pages["content/projects/p\(number).md"] = Self.profile(
                "P\(number)", layers: number % 2 == 0 ? "[data]" : "[compute]", relations: target)
        }
        let files = MemorySite.files(pages, config: Self.config)
        let overview = MemorySite.main(files["map/index.html"])
        #expect(!overview.contains("<svg class=\"relation-graph\""), "the overview draws no map")
        #expect(files["map/compute/index.html"] != nil)
        #expect(overview.contains(#"<li><a href="../map/compute/">Compute</a> <span class="side-note">76 profiles</span></li>"#))
        #expect(overview.contains(#"<li><a href="../map/data/">Data</a> <span class="side-note">76 profiles</span></li>"#))
        let data = MemorySite.main(files["map/data/index.html"])
        #expect(data.contains(#"<a href="../../map/compute/">Compute</a>"#))
        #expect(data.contains(#"<a href="../../map/data/" aria-current="page">Data</a>"#))
        #expect(
            data.contains(
                #"<a href="../../">Home</a> <span aria-hidden="true">›</span> <a href="../../map/">Relation map</a> <span aria-hidden="true">›</span> <span aria-current="page">Relation map: Data</span>"#
            ))
        // Data holds B, C, D and the even profiles; every uses-relation joins an even and an odd
        // profile, so the odd ones and A (related to B and C) are its neighbours.
        #expect(data.contains(#"<title id="map-title">Relation map of Data: 76 profiles on the layer, 75 related ones on others, 148 relations</title>"#))
        #expect(
            MemorySite.main(files["projects/p2/index.html"]).contains(
                #"<a href="../../map/data/">Every relation on the map</a>"#))
    }

    @Test func aPageAtTheMapsPlaceIsAnError() {
        var pages = Self.pages
        pages["content/map.md"] = "---\ntitle: Map\n---\nText.\n"
        #expect(
            MemorySite.errors(pages, config: Self.config) == [
                "content/map.md:1:1: error: this page would be written at /map/, which is already taken by the generated page /map/; rename the file"
            ])
    }

    @Test func bandsAreOrderedSoThatFewerLinesCross() {
        typealias Band = ViewBuilder.MapBand
        // Band 0 holds 1 and 2, band 1 holds 3 and 4; 1 relates to 4 and 2 to 3, so the lines cross
        // until the sweep down puts 2 before 1, above its neighbour 3.
        let edges = [
            ViewBuilder.MapEdge(source: 1, target: 4, type: 0), ViewBuilder.MapEdge(source: 2, target: 3, type: 0),
        ]
        let ordered = ViewBuilder.ordered([Band(layer: 0, profiles: [1, 2]), Band(layer: 5, profiles: [3, 4])], edges: edges)
        #expect(ordered.map(\.profiles) == [[2, 1], [3, 4]])
        let unrelated = ViewBuilder.ordered([Band(layer: 0, profiles: [1, 2, 3])], edges: [])
        #expect(unrelated.map(\.profiles) == [[1, 2, 3]], "without relations the title order stays")
    }

    @Test func theMapTakesItsTitleAndIntroFromAnIndexFile() {
        var pages = Self.pages
        pages["content/map/_index.md"] = "---\ntitle: Who builds on whom\n---\nRead it top down.\n"
        let main = MemorySite.main(MemorySite.files(pages, config: Self.config)["map/index.html"])
        #expect(main.contains("<h1>Who builds on whom</h1>"))
        #expect(main.contains(#"<div class="prose"><p>Read it top down.</p>"#))
    }
}
