/// Builds the Mustache values for one output page, with every link relative to that page.
struct ContextBuilder {
    let resolved: ResolvedSite
    /// The URL of the page being rendered (`projects/io-net/`).
    let url: String
    /// `../` once per folder of `url`, and its first folder with a slash: most links leave that
    /// folder, and for them the relative link is just `up + target`.
    private let up: String
    private let firstFolder: Substring

    init(resolved: ResolvedSite, url: String) {
        self.resolved = resolved
        self.url = url
        let parent = URLPath.folder(of: url)
        let folder = url.isEmpty || url.hasSuffix("/") ? url : parent.isEmpty ? "" : parent + "/"
        up = String(repeating: "../", count: folder.utf8.filter { $0 == UInt8(ascii: "/") }.count)
        firstFolder = folder.prefix { $0 != "/" }
    }

    var site: Site { resolved.site }

    func href(_ target: String) -> String {
        if target.isEmpty { return up.isEmpty ? "./" : up }
        if firstFolder.isEmpty || !(target.hasPrefix(firstFolder) && target.dropFirst(firstFolder.count).first == "/") {
            return up + target
        }
        return URLPath.relative(from: url, to: target)
    }

    /// A page as an entry in a list.
    func item(_ index: Int) -> [String: Any] {
        let page = site.pages[index]
        let project = page.fields.project
        // Absent values are `false`, not missing, so a template never picks up the outer page's value.
        let item: [String: Any] = [
            "title": page.title, "url": href(page.url), "kind": page.kind.rawValue,
            "summary": page.fields.summary ?? false, "date": page.fields.date?.description ?? false,
            "updated": page.updated?.description ?? false,
            "verdict": project?.assessment?.verdict?.rawValue ?? false,
            "status": project.map { $0.status?.rawValue ?? "unknown" } ?? false,
            "sector": project?.sector?.value ?? false,
        ]
        return item
    }

    func items(_ indexes: [Int]) -> [[String: Any]] { indexes.map(item) }

    func term(_ taxonomy: GeneratedURLs.Taxonomy, _ slug: String) -> [String: Any] {
        ["name": slug, "url": href(taxonomy.url(of: slug))]
    }

    /// The context every template gets: site, navigation, root.
    func base(title: String, summary: String?) -> [String: Any] {
        let config = site.config
        var context: [String: Any] = [
            "site": [
                "title": config.title, "description": config.description ?? "", "language": config.language,
            ] as [String: Any],
            "root": href(""),
            "title": title,
            "isHome": url.isEmpty,
            "nav": navigation(),
            "searchURL": href(GeneratedURLs.search),
            "searchIndexURL": href(GeneratedURLs.searchIndex),
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
