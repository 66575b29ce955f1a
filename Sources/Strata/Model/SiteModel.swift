/// The third stage: from parsed pages to the site model.
enum SiteModel {
    static func build(
        _ parsed: ParsedSite, config: SiteConfig, includeDrafts: Bool, commitDates: [String: String], today: Day
    )
        -> Site
    {
        let kept = parsed.pages.filter { includeDrafts || !$0.fields.draft }.sorted { $0.path < $1.path }
        var draftNames = Set<String>()
        for page in parsed.pages where page.fields.draft && !includeDrafts {
            draftNames.insert(page.path)
            draftNames.insert(page.section.isEmpty ? page.slug : page.section + "/" + page.slug)
            draftNames.insert(page.slug)
        }
        return index(kept.map { page($0, commitDates: commitDates) }, config: config, today: today, draftNames: draftNames)
    }

    /// The model of pages already made (sorted by path): the lists, lookups and taxonomies.
    /// `draftNames` are the drafts left out, for messages about links to them.
    static func index(_ pages: [Page], config: SiteConfig, today: Day, draftNames: Set<String>) -> Site {
        var site = Site(
            config: config, pages: pages, layers: [], projects: [], notes: [], home: nil, sectionIntros: [:], tags: [],
            chains: [], sectors: [], today: today, byQualifiedName: [:], bySlug: [:], byPath: [:])
        site.draftNames = draftNames
        var tags: [String: [Int]] = [:]
        var chains: [String: [Int]] = [:]
        var sectors: [String: [Int]] = [:]
        site.byPath.reserveCapacity(pages.count)
        site.byQualifiedName.reserveCapacity(pages.count)
        site.byURL.reserveCapacity(pages.count)
        site.bySlug.reserveCapacity(pages.count)
        for index in pages.indices {
            let page = pages[index]
            site.byPath[page.path] = index
            switch page.kind {
            case .home: site.home = index
            case .layer: site.layers.append(index)
            case .project: site.projects.append(index)
            case .note: site.notes.append(index)
            case .sectionIntro: site.sectionIntros[page.section] = index
            case .plain: break
            }
            if page.kind != .sectionIntro && page.kind != .home {
                site.byQualifiedName[page.qualifiedName] = index
                site.byURL[page.url] = index
                site.bySlug[page.slug, default: []].append(index)
            }
            for tag in page.fields.tags { tags[tag.value, default: []].append(index) }
            if let project = page.fields.project {
                for chain in project.chains { chains[chain.value, default: []].append(index) }
                if let sector = project.sector { sectors[sector.value, default: []].append(index) }
            }
        }
        order(&site, tags: tags, chains: chains, sectors: sectors)
        return site
    }

    /// The model after a save that changed only titles (`site` holds the new pages): the lookups
    /// by path, name, URL and slug stand; what titles find or order is made again, exactly as
    /// `index` makes it.
    static func retitled(_ site: Site) -> Site {
        var site = site
        func table(_ terms: [Term]) -> [String: [Int]] {
            Dictionary(uniqueKeysWithValues: terms.map { ($0.slug, $0.pages) })
        }
        order(&site, tags: table(site.tags), chains: table(site.chains), sectors: table(site.sectors))
        return site
    }

    /// What titles find or order: the lookup by title, the sorted lists and those made from
    /// them, the folders and the taxonomy terms (`tags` and the others: each term's pages, in
    /// any order: `terms` sorts them).
    private static func order(
        _ site: inout Site, tags: [String: [Int]], chains: [String: [Int]], sectors: [String: [Int]]
    ) {
        let pages = site.pages
        site.byTitle = [:]
        site.byTitle.reserveCapacity(pages.count)
        for index in pages.indices where pages[index].kind != .sectionIntro && pages[index].kind != .home {
            site.byTitle[pages[index].title, default: []].append(index)
        }
        // Lists are sorted by lower-cased title: each is lower-cased once, not once per comparison.
        let titles = pages.map { $0.title.lowercased() }
        site.layers.sort {
            (pages[$0].fields.order ?? 0, pages[$0].slug) < (pages[$1].fields.order ?? 0, pages[$1].slug)
        }
        site.projects.sort { (titles[$0], pages[$0].slug) < (titles[$1], pages[$1].slug) }
        site.notes.sort { newerFirst($0, $1, in: pages, titles: titles) }
        site.projectsByLayer = [:]
        site.notesByLayer = [:]
        for index in site.projects {
            for layer in pages[index].fields.layers { site.projectsByLayer[layer.value, default: []].append(index) }
        }
        for index in site.notes {
            for layer in pages[index].fields.layers { site.notesByLayer[layer.value, default: []].append(index) }
        }
        site.folders = FolderSection.all(in: pages, titles: titles)
        site.tags = terms(tags, pages: pages, titles: titles)
        site.chains = terms(chains, pages: pages, titles: titles)
        site.sectors = terms(sectors, pages: pages, titles: titles)
    }

    /// A parsed page in the model: its headings listed, its `updated` date settled.
    static func page(_ page: ParsedPage, commitDates: [String: String]) -> Page {
        Page(
            parsed: page, headings: page.document.headings,
            updated: page.fields.updated ?? commitDates[page.path].flatMap(Day.init))
    }

    /// Notes newest first (by date, then updated); undated last; ties by title.
    static func newerFirst(_ lhs: Page, _ rhs: Page) -> Bool {
        newerFirst(lhs, rhs, titles: (lhs.title.lowercased(), rhs.title.lowercased()))
    }

    /// The same for pages `lhs` and `rhs` of `pages`, whose lower-cased titles are `titles`.
    static func newerFirst(_ lhs: Int, _ rhs: Int, in pages: [Page], titles: [String]) -> Bool {
        newerFirst(pages[lhs], pages[rhs], titles: (titles[lhs], titles[rhs]))
    }

    private static func newerFirst(_ lhs: Page, _ rhs: Page, titles: (String, String)) -> Bool {
        let left = lhs.fields.date ?? lhs.updated
        let right = rhs.fields.date ?? rhs.updated
        switch (left, right) {
        case let (left?, right?) where left != right: return left > right
        case (.some, nil): return true
        case (nil, .some): return false
        default: return (titles.0, lhs.path) < (titles.1, rhs.path)
        }
    }

    private static func terms(_ table: [String: [Int]], pages: [Page], titles: [String]) -> [Term] {
        table.keys.sorted().map { slug in
            Term(
                slug: slug,
                pages: table[slug, default: []].sorted { (titles[$0], pages[$0].path) < (titles[$1], pages[$1].path) })
        }
    }
}
