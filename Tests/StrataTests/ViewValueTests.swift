import Testing

@testable import Strata
@testable import StrataTemplates

/// The views that build their own template values (`TemplateValueBuilding`) build exactly what
/// `TemplateEncoder` makes of them through `Codable`, whose schema the theme is checked against:
/// on every page of the repository's own site and of the theme tests' site.
@Suite struct ViewValueTests {
    static func resolvedRepositorySite() throws -> ResolvedSite {
        let options = BuildOptions(root: Repo.root, today: testToday)
        return try Pipeline.render(SiteReader.read(root: Repo.root), options: options).plan.resolved
    }

    static func expectSame<View: Encodable & TemplateValueBuilding>(_ view: View, _ where: String) throws {
        let encoded = try TemplateEncoder.encode(view)
        #expect(view.buildValue() == encoded, "\(View.self) of \(`where`)")
        #expect(view.templateValue == encoded, "\(View.self) of \(`where`)")
    }

    static func checkEveryPage(of resolved: ResolvedSite) throws -> Int {
        var checked = 0
        for (index, page) in resolved.site.pages.enumerated() where page.kind != .sectionIntro {
            let views = ViewBuilder(resolved: resolved, url: page.url)
            try expectSame(views.contentView(index), page.path)
            try expectSame(views.itemFields(index), page.path)
            let profile = page.kind == .project ? index : nil
            try expectSame(views.common(title: page.title, summary: page.fields.summary, profile: profile), page.path)
            try expectSame(LayoutView(body: TemplateHTML("<p>x</p>"), template: "page"), page.path)
            if page.kind == .project { try expectSame(views.profile(index), page.path) }
            checked += 1
        }
        let views = ViewBuilder(resolved: resolved, url: GeneratedURLs.projects)
        try expectSame(views.projectsIndex(), "the comparison table")
        try expectSame(views.scorecard(), "the scorecard")
        try expectSame(views.landscape(), "the landscape")
        let maps = ViewBuilder(resolved: resolved, url: GeneratedURLs.map)
        try expectSame(maps.relationMapPage(layer: nil), "the relation map")
        for layer in resolved.site.layers { try expectSame(maps.relationMapPage(layer: layer), "a layer's map") }
        return checked
    }

    @Test func theRepositorysSite() throws {
        let resolved = try Self.resolvedRepositorySite()
        #expect(try Self.checkEveryPage(of: resolved) > 40)
        #expect(resolved.site.projects.count > 10, "profiles, with their relations, metrics and sources, are checked")
    }

    @Test func theThemeTestsSite() throws {
        #expect(try Self.checkEveryPage(of: ThemeContextTests.resolved) > 5)
    }
}
