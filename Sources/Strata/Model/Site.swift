/// The site model: every page that will be published, with lookups and taxonomies.
struct Site: Sendable {
    var config: SiteConfig
    /// Sorted by path. Drafts are left out unless the build asked for them.
    var pages: [Page]
    /// Indexes into `pages`.
    var layers: [Int]
    var projects: [Int]
    var notes: [Int]
    var home: Int?
    /// Section folder (`projects`) → the `_index.md` page giving its intro text.
    var sectionIntros: [String: Int]
    /// Folders of plain pages that get a list page (`content/guides/` → `/guides/`), by name.
    var folders: [FolderSection] = []
    /// Layer slug → the projects and notes filed under it, in list order.
    var projectsByLayer: [String: [Int]] = [:]
    var notesByLayer: [String: [Int]] = [:]
    var tags: [Term]
    var chains: [Term]
    var sectors: [Term]
    /// The day the build treats as today (for stale reviews).
    var today: Day

    /// `section/slug` → page.
    var byQualifiedName: [String: Int]
    /// slug → pages with that slug, in any section.
    var bySlug: [String: [Int]]
    /// Title as written (`io.net`) → pages with that title, for `[[io.net]]`.
    var byTitle: [String: [Int]] = [:]
    /// URL path (`projects/io-net/`) → page.
    var byURL: [String: Int] = [:]
    /// Path under the root (`content/projects/io-net.md`) → page.
    var byPath: [String: Int]
    /// Paths and `section/slug` names of drafts left out of this build, so links to them are explained.
    var draftNames: Set<String> = []

    func layer(_ slug: String) -> Int? {
        byQualifiedName["stack/" + slug].flatMap { pages[$0].kind == .layer ? $0 : nil }
    }
    /// The list page a plain page is listed on, if any.
    func folder(of index: Int) -> FolderSection? {
        let page = pages[index]
        guard page.kind == .plain, let top = page.section.split(separator: "/").first else { return nil }
        return folders.first { $0.name == top }
    }

    func project(_ slug: String) -> Int? {
        byQualifiedName["projects/" + slug].flatMap { pages[$0].kind == .project ? $0 : nil }
    }
}

/// A taxonomy term (a tag, chain or sector) and the pages filed under it.
struct Term: Sendable, Hashable {
    var slug: String
    var pages: [Int]
}
