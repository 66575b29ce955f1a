/// The pages and files the build makes beside the Markdown pages (SPEC §5).
enum GeneratedURLs {
    static let stack = "stack/"
    static let landscape = "landscape/"
    static let projects = "projects/"
    static let notes = "notes/"
    static let scorecard = "scorecard/"
    static let reviews = "reviews/"
    static let map = "map/"
    /// Above this many profiles the relation map is one map per layer (`map/<layer>/`).
    static let mapSplitAbove = 150
    static let search = "search/"
    static let searchIndex = "search/index.js"
    static let projectsJSON = "api/projects.json"
    static let projectsCSV = "api/projects.csv"
    static let notFound = "404.html"
    static let robots = "robots.txt"
    static let sitemap = "sitemap.xml"
    static let feed = "feed.xml"

    /// The taxonomies: folder name, singular and plural labels.
    enum Taxonomy: String, CaseIterable, Sendable {
        case tags, chains, sectors

        var url: String { rawValue + "/" }
        func url(of term: String) -> String { rawValue + "/" + term + "/" }

        var title: String {
            switch self {
            case .tags: "Tags"
            case .chains: "Chains"
            case .sectors: "Sectors"
            }
        }

        var singular: String {
            switch self {
            case .tags: "Tag"
            case .chains: "Chain"
            case .sectors: "Sector"
            }
        }

        func terms(in site: Site) -> [Term] {
            switch self {
            case .tags: site.tags
            case .chains: site.chains
            case .sectors: site.sectors
            }
        }
    }

    /// The folders under content/ whose generated page takes its title and intro from an `_index.md`.
    static let introFolders = ["stack", "landscape", "projects", "notes", "map"] + Taxonomy.allCases.map(\.rawValue)

    /// The folders whose page the build makes itself: a folder of plain pages of another name gets
    /// a list page (`FolderSection`).
    static let reservedFolders = Set(introFolders + ["scorecard", "reviews", "search"])

    /// The index pages the build generates, as folder URLs (`projects/`, `tags/depin/`, `guides/`).
    static func pages(for site: Site) -> [String] {
        var urls = [stack, landscape, projects, notes, map, scorecard, reviews, search] + site.folders.map(\.url)
        if mapIsSplit(site) { urls += site.layers.map { Self.map(of: site.pages[$0].slug) } }
        for taxonomy in Taxonomy.allCases {
            urls.append(taxonomy.url)
            urls += taxonomy.terms(in: site).map { taxonomy.url(of: $0.slug) }
        }
        return urls
    }

    static func mapIsSplit(_ site: Site) -> Bool { site.projects.count > mapSplitAbove }

    /// The map of one layer's profiles, on a site with more than `mapSplitAbove` of them.
    static func map(of layer: String) -> String { map + layer + "/" }

    /// The data files the build writes: the search index, the exports, robots.txt, and with a
    /// `base_url` the sitemap and the feed.
    static func dataFiles(_ config: SiteConfig) -> [String] {
        [searchIndex, projectsJSON, projectsCSV, robots] + (config.baseURL == nil ? [] : [sitemap, feed])
    }

    /// Every URL a link may name beside the pages: the home page, the generated pages and files.
    static func all(for site: Site) -> [String] {
        [""] + pages(for: site) + [searchIndex, projectsJSON, projectsCSV, notFound, robots, sitemap, feed]
    }
}
