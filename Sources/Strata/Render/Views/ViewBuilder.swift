import StrataTemplates

/// Builds the views of one output page, with every link relative to that page. A class: the
/// closures that map lists capture one reference, not a copy of the resolved site.
final class ViewBuilder {
    /// The resolved site, its reads noted in `log` when there is one.
    let resolved: ResolvedReads
    let whole: ResolvedSite
    /// The URL of the page being rendered (`projects/io-net/`).
    let url: String
    /// `../` once per folder of `url` (or `absoluteBase`): every link is this plus the target's URL
    /// from the site root, so a link to a page reads the same on every page with the same prefix.
    private let up: String
    private let itemCache: ItemCache

    /// - Parameter absoluteBase: links start with this URL instead of `../`s (the 404 page, which a
    ///   server shows at any depth).
    ///   - log: where the parts of the site read are noted (`strata serve`), or nil.
    init(
        resolved: ResolvedSite, url: String, items: ItemCache? = nil, absoluteBase: String? = nil, log: ReadLog? = nil
    ) {
        whole = resolved
        self.resolved = ResolvedReads(whole: resolved, log: log)
        site = SiteReads(whole: resolved.site, log: log)
        self.log = log
        self.url = url
        let parent = URLPath.folder(of: url)
        let folder = url.isEmpty || url.hasSuffix("/") ? url : parent.isEmpty ? "" : parent + "/"
        up = absoluteBase ?? String(repeating: "../", count: folder.utf8.filter { $0 == UInt8(ascii: "/") }.count)
        itemCache = items ?? ItemCache(templates: nil)
    }

    /// The site, held once: a computed `resolved.site` would copy it at every use.
    let site: SiteReads
    let log: ReadLog?

    func href(_ target: String) -> String {
        target.isEmpty && up.isEmpty ? "./" : up + target
    }

    /// A page as an entry in a list, shared by every list on pages with the same link prefix.
    func item(_ index: Int) -> SharedItem {
        log?.insert(.page(index))
        return itemCache.item(index, linkPrefix: up) { itemFields(index) }
    }

    private func itemFields(_ index: Int) -> PageItemFields {
        let page = site.pages[index]
        let project = page.fields.project
        return PageItemFields(
            title: page.title, url: href(page.url), kind: page.kind.rawValue, summary: page.fields.summary,
            date: page.fields.date?.description, updated: page.updated?.description,
            verdict: project?.assessment?.verdict?.rawValue, status: project?.statusName,
            sector: project?.sector?.value, root: href(""), assets: href("assets/"), site: siteValues)
    }

    func items(_ indexes: [Int]) -> [SharedItem] { indexes.map(item) }

    func term(_ taxonomy: GeneratedURLs.Taxonomy, _ slug: String) -> TermLink {
        TermLink(name: slug, url: href(taxonomy.url(of: slug)))
    }

    private var siteValues: SiteValues {
        let config = site.config
        return SiteValues(title: config.title, description: config.description ?? "", language: config.language)
    }

    /// What every template gets: site, navigation, root. `isHome` only for the home page itself
    /// (the 404 page shares its empty URL, not its identity).
    func common(
        title: String, summary: String?, isHome: Bool = false, canonical: Bool = true, profile: Int? = nil
    ) -> CommonPage {
        let config = site.config
        let canonicalURL = canonical ? config.baseURL.map { $0 + url } : nil
        return CommonPage(
            site: siteValues, root: href(""), title: title, isHome: isHome, nav: navigation(),
            searchURL: href(GeneratedURLs.search),
            assets: href("assets/"), description: summary ?? config.description,
            canonical: canonicalURL, feedURL: config.baseURL.map { _ in href(GeneratedURLs.feed) },
            generator: "Strata \(version)",
            structuredData: profile.map { StructuredData.organization(site.pages[$0], url: canonicalURL) },
            breadcrumbs: breadcrumbs(title: title))
    }

    /// The main menu when site.yml has no `menu:`.
    static let defaultMenu: [(title: String, target: String)] = [
        ("Stack", GeneratedURLs.stack), ("Landscape", GeneratedURLs.landscape), ("Projects", GeneratedURLs.projects),
        ("Notes", GeneratedURLs.notes), ("Scorecard", GeneratedURLs.scorecard), ("Tags", GeneratedURLs.Taxonomy.tags.url),
        ("Search", GeneratedURLs.search),
    ]

    /// The menu, its entry for this page (or the section it is in, the longest match) marked current.
    private func navigation() -> [NavEntry] {
        // site.yml, where the menu is written, is read again with every page: the menu is not a noted read.
        let entries =
            whole.menu ?? Self.defaultMenu.map { ResolvedMenuEntry(title: $0, target: $1, isExternal: false) }
        let matching = entries.filter { entry in
            !entry.isExternal && (entry.target == url || (!entry.target.isEmpty && url.hasPrefix(entry.target)))
        }
        let current = matching.max { $0.target.count < $1.target.count }?.target
        return entries.map { entry in
            NavEntry(
                title: entry.title, url: entry.isExternal ? entry.target : href(entry.target),
                current: !entry.isExternal && entry.target == current)
        }
    }

    /// The intro text from `content/<section>/_index.md`, rendered.
    func intro(_ section: String) -> (title: String?, html: TemplateHTML?) {
        guard let index = site.sectionIntros[section] else { return (nil, nil) }
        return (site.pages[index].title, TemplateHTML(body(index).html))
    }

    /// A page's Markdown rendered.
    func body(_ index: Int) -> PageBody {
        log?.insert(.body(index))
        log?.insert(.page(index))
        return PageBody.render(index, in: whole)
    }
}

extension Encodable {
    /// The view as a template value. The template encoder fails only for `Encoded` and
    /// `Extending` values outside it, which views never hold, so nothing is lost here.
    var templateValue: TemplateValue { (try? TemplateEncoder.encode(self)) ?? .null }
}
