import StrataTemplates

/// A file the build writes: its path inside the output folder and its text.
struct OutputFile: Sendable, Equatable {
    var path: String
    var text: String

    /// The `index.html` of a folder URL (`projects/io-net/`), or the file itself.
    static func path(for url: String) -> String {
        url.isEmpty || url.hasSuffix("/") ? url + "index.html" : url
    }
}

/// The fifth stage: every page through its template, plus the data files. Pages render in parallel.
enum SiteRenderer {
    /// How many pages (or profiles) a long job renders between two questions to its `stop`:
    /// a few milliseconds of work.
    static let pagesBetweenStops = 64

    /// One file to render: an HTML page through its template, or a data file.
    enum Job: Sendable, Hashable {
        case page(HTMLPage)
        /// A data file: the exports, robots.txt, the sitemap and the feed.
        case data(String)
        /// The search index's entry file, word pieces and merged prefixes (`SearchIndex`).
        case searchIndex
        /// What a search result shows of a page: its number in `SearchIndex.order`, and the page.
        case searchFragment(rank: Int, page: Int)

        /// Whether the job writes an HTML page (`build` counts them).
        var isPage: Bool {
            if case .page = self { return true }
            return false
        }
    }

    /// An HTML page: which context and template, at which URL.
    enum HTMLPage: Sendable, Hashable {
        case content(Int)
        case stack, landscape, projects, notes, scorecard, reviews, search, notFound
        case taxonomy(GeneratedURLs.Taxonomy)
        case term(GeneratedURLs.Taxonomy, Term)
        case alias(url: String, page: Int)
        /// The list page of a folder of plain pages, by its place in `Site.folders`.
        case folder(Int)
        /// The relation map: of the whole site, or of one layer (its page index) on a large site.
        case map(layer: Int?)

        func url(_ site: Site) -> String {
            switch self {
            case .content(let index): site.pages[index].url
            case .stack: GeneratedURLs.stack
            case .landscape: GeneratedURLs.landscape
            case .projects: GeneratedURLs.projects
            case .notes: GeneratedURLs.notes
            case .scorecard: GeneratedURLs.scorecard
            case .reviews: GeneratedURLs.reviews
            case .search: GeneratedURLs.search
            case .notFound: ""
            case .taxonomy(let taxonomy): taxonomy.url
            case .term(let taxonomy, let term): taxonomy.url(of: term.slug)
            case .alias(let url, _): url
            case .folder(let index): site.folders[index].url
            case .map(let layer?): GeneratedURLs.map(of: site.pages[layer].slug)
            case .map(nil): GeneratedURLs.map
            }
        }
    }

    /// Every file to render, in the order to render them. The stage renders and writes them one by
    /// one on all cores, so no more than a few pages are held in memory at once.
    /// `items` are page items already rendered with these templates, if any are still right.
    static func plan(_ resolved: ResolvedSite, templates: TemplateSet, items: ItemCache? = nil) -> RenderPlan {
        let site = resolved.site
        // The long jobs first (data files and index pages list every page), so they spread over the cores.
        // The search index is a job of its own (`Job.searchIndex`): it writes many files.
        let data = GeneratedURLs.dataFiles(site.config).filter { $0 != GeneratedURLs.searchIndex }
        var pages: [HTMLPage] = [.projects, .landscape, .scorecard, .stack, .notes, .reviews, .search, .notFound]
        for taxonomy in GeneratedURLs.Taxonomy.allCases {
            pages.append(.taxonomy(taxonomy))
            pages += taxonomy.terms(in: site).map { .term(taxonomy, $0) }
        }
        pages.append(.map(layer: nil))
        if GeneratedURLs.mapIsSplit(site) { pages += site.layers.map { .map(layer: $0) } }
        pages += site.folders.indices.map { .folder($0) }
        pages += site.pages.indices.filter { site.pages[$0].kind != .sectionIntro }.map { .content($0) }
        pages += resolved.aliases.map { .alias(url: $0.url, page: $0.page) }
        let fragments = SearchIndex.order(site).enumerated().map { Job.searchFragment(rank: $0, page: $1) }
        let jobs = [Job.searchIndex] + data.map(Job.data) + pages.map(Job.page) + fragments
        let items = items ?? ItemCache(templates: templates)
        return RenderPlan(resolved: resolved, templates: templates, items: items, jobs: jobs)
    }

    /// A job's name, the same from one plan to the next: the path of its (first) file.
    static func key(of job: Job, in site: Site) -> String {
        switch job {
        case .data(let path): path
        case .searchIndex: GeneratedURLs.searchIndex
        case .searchFragment(let rank, _): SearchFragment.path(rank)
        case .page(.notFound): GeneratedURLs.notFound
        case .page(let page): OutputFile.path(for: page.url(site))
        }
    }

    private static func dataFile(_ path: String, _ resolved: ResolvedSite, stop: () -> Bool) -> OutputFile? {
        let site = resolved.site
        let base = site.config.baseURL ?? ""
        let text: String? =
            switch path {
            case GeneratedURLs.projectsJSON: ProjectsExport.json(resolved, stop: stop)
            case GeneratedURLs.projectsCSV: ProjectsExport.csv(resolved, stop: stop)
            case GeneratedURLs.sitemap: SiteFeeds.sitemap(site, base: base)
            case GeneratedURLs.feed: SiteFeeds.feed(site, base: base)
            default: SiteFeeds.robots(site.config)
            }
        return text.map { OutputFile(path: path, text: $0) }
    }

    /// The job's files; with a `log`, what they were made from is noted there. Nil only when
    /// `stop` says to stop while the search index or a data export is made (the longest jobs).
    static func render(
        _ job: Job, _ resolved: ResolvedSite, _ templates: TemplateSet, items: ItemCache, log: ReadLog? = nil,
        stop: () -> Bool = { false }
    ) -> [OutputFile]? {
        switch job {
        case .data(let path):
            log?.insert(.everyPageField)
            return dataFile(path, resolved, stop: stop).map { [$0] }
        case .searchIndex:
            log?.insert(.everything)
            return SearchIndex.build(resolved, stop: stop)
        case .searchFragment(let rank, let page):
            log?.insert(.page(page))
            log?.insert(.body(page))
            return [SearchFragment.build(rank: rank, page: page, resolved)]
        case .page(let page): return [render(page, resolved, templates, items: items, log: log)]
        }
    }

    private static func render(
        _ page: HTMLPage, _ resolved: ResolvedSite, _ templates: TemplateSet, items: ItemCache, log: ReadLog?
    ) -> OutputFile {
        let site = resolved.site
        let url = page.url(site)
        // 404.html is shown for a missing page at any depth: with base_url its links are absolute.
        let absoluteBase: String? = if case .notFound = page { site.config.baseURL } else { nil }
        let views = ViewBuilder(resolved: resolved, url: url, items: items, absoluteBase: absoluteBase, log: log)
        let template: ThemeTemplate
        let common: CommonPage
        var stack: [TemplateValue]
        switch page {
        case .content(let index):
            let content = site.pages[index]
            common = views.common(
                title: content.title, summary: content.fields.summary, isHome: content.kind == .home,
                profile: content.kind == .project ? index : nil)
            (template, stack) = views.contentPage(index)
        case .stack:
            common = views.common(title: views.titled("The stack", section: "stack"), summary: nil)
            (template, stack) = (.stack, [views.stackIndex().templateValue])
        case .landscape:
            common = views.common(
                title: views.titled("Landscape", section: "landscape"),
                summary: "Every project profile as a card, grouped by layer and sector.")
            (template, stack) = (.landscape, [views.landscape().templateValue])
        case .projects:
            common = views.common(title: views.titled("Projects", section: "projects"), summary: nil)
            (template, stack) = (.projects, [views.projectsIndex().templateValue])
        case .notes:
            common = views.common(title: views.titled("Notes", section: "notes"), summary: nil)
            (template, stack) = (.notes, [views.notesIndex().templateValue])
        case .scorecard:
            common = views.common(title: "Scorecard", summary: "Every project profile against the rubric.")
            (template, stack) = (.scorecard, [views.scorecard().templateValue])
        case .reviews:
            common = views.common(title: "Reviews due", summary: "Profiles whose review is overdue.")
            (template, stack) = (.reviews, [views.reviews().templateValue])
        case .search:
            common = views.common(title: "Search", summary: "Search every page of the site.")
            (template, stack) = (.search, [])
        case .notFound:
            common = views.common(title: "Page not found", summary: nil, canonical: false)
            (template, stack) = (.notFound, [])
        case .taxonomy(let taxonomy):
            common = views.common(title: views.titled(taxonomy.title, section: taxonomy.rawValue), summary: nil)
            (template, stack) = (.terms, [views.taxonomyIndex(taxonomy).templateValue])
        case .term(let taxonomy, let term):
            common = views.common(title: "\(taxonomy.singular): \(term.slug)", summary: nil)
            (template, stack) = (.term, [views.termPage(taxonomy, term).templateValue])
        case .folder(let folder):
            let section = site.folders[folder]
            common = views.common(title: views.titled(section.fallbackTitle, section: section.name), summary: nil)
            (template, stack) = (.list, [views.folderIndex(section).templateValue])
        case .map(let layer):
            let title = layer.map { "Relation map: " + site.pages[$0].title } ?? views.titled("Relation map", section: "map")
            common = views.common(
                title: title, summary: "Every project profile and the typed relations between them, by layer.")
            (template, stack) = (.map, [views.relationMapPage(layer: layer).templateValue])
        case .alias(_, let target):
            common = views.common(title: site.pages[target].title, summary: nil)
            (template, stack) = (.redirect, [views.redirect(to: target).templateValue])
        }
        if let log { for file in templates.files(of: template) { log.insert(.template(file)) } }
        let commonValue = common.templateValue
        stack.insert(commonValue, at: 0)
        var path = OutputFile.path(for: url)
        if case .notFound = page { path = GeneratedURLs.notFound }
        let body = templates.render(template, stack)
        if template == .redirect { return OutputFile(path: path, text: body) }
        let layout = LayoutView(body: TemplateHTML(body), template: template.rawValue)
        return OutputFile(path: path, text: templates.render(.layout, [commonValue, layout.templateValue]))
    }
}

/// The rendered site, as work still to do: `files(at:)` renders one job's files.
struct RenderPlan: Sendable {
    let resolved: ResolvedSite
    let templates: TemplateSet
    let items: ItemCache
    let jobs: [SiteRenderer.Job]

    var count: Int { jobs.count }

    func files(at index: Int) -> [OutputFile] { SiteRenderer.render(jobs[index], resolved, templates, items: items) ?? [] }

    /// One job's files and the parts of the site they were made from.
    func filesAndInputs(at index: Int) -> (files: [OutputFile], inputs: Set<RenderInput>) {
        filesAndInputs(at: index, stop: { false }) ?? ([], [])
    }

    /// The same, or nil when `stop` says to stop before the job is done.
    func filesAndInputs(at index: Int, stop: () -> Bool) -> (files: [OutputFile], inputs: Set<RenderInput>)? {
        if stop() { return nil }
        let log = ReadLog()
        guard let files = SiteRenderer.render(jobs[index], resolved, templates, items: items, log: log, stop: stop)
        else { return nil }
        return (files, log.inputs)
    }

    /// Every file at once (for tests and tools that want them in memory).
    func renderAll() -> [OutputFile] { Array(jobs.indices).parallelMap { files(at: $0) }.flatMap { $0 } }
}
