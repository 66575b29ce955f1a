/// Builds the Mustache values for one output page, with every link relative to that page.
struct ContextBuilder {
    let resolved: ResolvedSite
    /// The URL of the page being rendered (`projects/io-net/`).
    let url: String
    /// `../` once per folder of `url` (or `absoluteBase`): every link is this plus the target's URL
    /// from the site root, so a link to a page reads the same on every page with the same prefix.
    private let up: String
    private let itemCache: ItemCache

    /// - Parameter absoluteBase: links start with this URL instead of `../`s (the 404 page, which a
    ///   server shows at any depth).
    init(resolved: ResolvedSite, url: String, items: ItemCache? = nil, absoluteBase: String? = nil) {
        self.resolved = resolved
        self.url = url
        let parent = URLPath.folder(of: url)
        let folder = url.isEmpty || url.hasSuffix("/") ? url : parent.isEmpty ? "" : parent + "/"
        up = absoluteBase ?? String(repeating: "../", count: folder.utf8.filter { $0 == UInt8(ascii: "/") }.count)
        itemCache = items ?? ItemCache(templates: nil)
    }

    var site: Site { resolved.site }

    func href(_ target: String) -> String {
        target.isEmpty && up.isEmpty ? "./" : up + target
    }

    /// A page as an entry in a list, with `html`: the entry through the theme's `page-item` partial.
    func item(_ index: Int) -> [String: Any] {
        itemCache.item(index, linkPrefix: up) { makeItem(index) }
    }

    private func makeItem(_ index: Int) -> [String: Any] {
        let page = site.pages[index]
        let project = page.fields.project
        // Absent values are `false`, not missing, so a template never picks up the outer page's value.
        let item: [String: Any] = [
            "title": page.title, "url": href(page.url), "kind": page.kind.rawValue,
            "summary": page.fields.summary ?? false, "date": page.fields.date?.description ?? false,
            "updated": page.updated?.description ?? false,
            "verdict": project?.assessment?.verdict?.rawValue ?? false,
            "status": project?.statusName ?? false,
            "sector": project?.sector?.value ?? false,
            "root": href(""), "assets": href("assets/"), "site": siteValues,
        ]
        return item
    }

    func items(_ indexes: [Int]) -> [[String: Any]] { indexes.map(item) }

    func term(_ taxonomy: GeneratedURLs.Taxonomy, _ slug: String) -> [String: Any] {
        ["name": slug, "url": href(taxonomy.url(of: slug))]
    }

    private var siteValues: [String: Any] {
        let config = site.config
        return ["title": config.title, "description": config.description ?? "", "language": config.language]
    }

    /// The context every template gets: site, navigation, root.
    func base(title: String, summary: String?) -> [String: Any] {
        let config = site.config
        var context: [String: Any] = [
            "site": siteValues,
            "root": href(""),
            "title": title,
            "isHome": url.isEmpty,
            "nav": navigation(),
            "searchURL": href(GeneratedURLs.search),
            "assets": href("assets/"),
        ]
        if let description = summary ?? config.description { context["description"] = description }
        if let base = config.baseURL {
            context["canonical"] = base + url
            context["feedURL"] = href(GeneratedURLs.feed)
        }
        return context
    }

    private func navigation() -> [[String: Any]] {
        let entries: [(String, String)] = [
            ("Stack", GeneratedURLs.stack), ("Landscape", GeneratedURLs.landscape),
            ("Projects", GeneratedURLs.projects),
            ("Notes", GeneratedURLs.notes),
            ("Scorecard", GeneratedURLs.scorecard), ("Tags", GeneratedURLs.Taxonomy.tags.url),
            ("Search", GeneratedURLs.search),
        ]
        return entries.map { title, target in
            ["title": title, "url": href(target), "current": url.hasPrefix(target)]
        }
    }

    /// The intro text from `content/<section>/_index.md`, rendered.
    func intro(_ section: String) -> (title: String?, html: String?) {
        guard let index = site.sectionIntros[section] else { return (nil, nil) }
        return (site.pages[index].title, PageBody.render(index, in: resolved).html)
    }
}
