import Testing

@testable import Strata

/// `SiteModel.retitled`, the preview's model after a save that changed only titles, is the
/// model `SiteModel.index` makes of the same pages.
@Suite struct SiteModelTests {
    static func lists(_ site: Site) -> [String] {
        [
            "\(site.byTitle.sorted { $0.key < $1.key })", "\(site.projects)", "\(site.notes)", "\(site.layers)",
            "\(site.projectsByLayer.sorted { $0.key < $1.key })", "\(site.notesByLayer.sorted { $0.key < $1.key })",
            "\(site.folders)", "\(site.tags)", "\(site.chains)", "\(site.sectors)", "\(site.byURL.count)",
            "\(site.byPath.count)", "\(site.bySlug.count)",
        ]
    }

    @Test func aRetitledModelIsTheModelOfItsPages() throws {
        let site = ThemeContextTests.resolved.site
        // Titles that move pages to the other end of their lists, and two that become the same.
        let retitle = Array(site.projects.prefix(2)) + Array(site.notes.prefix(1)) + Array(site.plainPages.prefix(1))
        try #require(retitle.count >= 3, "the fixture has profiles and notes to retitle")
        var changed = site
        for (number, index) in retitle.enumerated() {
            changed.pages[index].parsed.fields.title = number < 2 ? "zz same title" : "aa first \(number)"
        }
        let remade = SiteModel.index(
            changed.pages, config: site.config, today: site.today, draftNames: site.draftNames)
        #expect(Self.lists(SiteModel.retitled(changed)) == Self.lists(remade))
        #expect(Self.lists(remade) != Self.lists(site), "the titles changed the lists")
    }
}
