import StrataTemplates

/// A page written in Markdown (`page`; `home`, `layer` and `project` add their own on top).
struct ContentPage: TemplateView {
    static let templateNoun = "a content page"
    /// The Markdown body, links resolved, citations numbered.
    var content: TemplateHTML
    var sources: [SourceEntry]
    var hasSources: Bool
    /// The pages that link here.
    var backlinks: [SharedItem]
    var hasBacklinks: Bool
    var tags: [TermLink]
    var hasTags: Bool
    /// The layers the page is on.
    var layers: [SharedItem]
    var hasLayers: Bool
    var kind: String
    var summary: String?
    var date: String?
    var updated: String?
    var reviewed: String?
    /// True when a profile's review is overdue.
    var stale: Bool
    /// Only when `repo_url` is set: `REPO/edit/BRANCH/PATH`.
    var editURL: String?
    var historyURL: String?
    var repoURL: String?
    var repoBranch: String?
    var sourcePath: String?
}

/// A numbered source of a page.
struct SourceEntry: TemplateView {
    static let templateNoun = "a source"
    var number: Int
    var id: String
    var title: String
    var url: String?
    var author: String?
    var publisher: String?
    var published: String?
    var accessed: String?
    /// Links back to each citation of the source.
    var backrefs: [Backref]
}

struct Backref: TemplateView {
    static let templateNoun = "a link back to a citation"
    var href: String
    var label: String
}

/// The home page, on top of its content page.
struct HomePage: TemplateView {
    static let templateNoun = "the home page"
    var stack: [StackLayer]
    /// The ten newest notes.
    var recentNotes: [SharedItem]
    var hasRecentNotes: Bool
    var projectCount: Int
    var stats: SiteStats
    /// Plain pages, reachable from the home page even when nothing else links them.
    var otherPages: [SharedItem]
    var hasOtherPages: Bool
}

/// Counts for the home page.
struct SiteStats: TemplateView {
    static let templateNoun = "the site's counts"
    var projects: Int
    var notes: Int
    var layers: Int
    var signal: Int
    var mixed: Int
    var noise: Int
    var unrated: Int
}

/// A layer page, on top of its content page.
struct LayerPage: TemplateView {
    static let templateNoun = "a layer page"
    var projects: [SharedItem]
    var notes: [SharedItem]
    var hasNotes: Bool
    /// The stack diagram with this layer `current`.
    var stack: [StackLayer]
    /// The layer's projects grouped by sector.
    var sectors: [SectorGroup]
    var hasSectors: Bool
}

/// A layer in the stack diagram: a page item plus these.
typealias StackLayer = ItemWith<StackLayerFields>

struct StackLayerFields: TemplateView {
    static let templateNoun = "a layer of the stack diagram"
    var slug: String
    var order: Int
    /// On `home` and `stack` the first 12 projects by title, elsewhere empty.
    var projects: [SharedItem]
    var hasProjects: Bool
    /// Projects on the layer.
    var count: Int
    /// How many projects are not listed.
    var more: Int?
    /// This layer page, or a layer of this profile.
    var current: Bool
}

/// Projects of one sector (a landscape group).
struct SectorGroup: TemplateView {
    static let templateNoun = "a sector group"
    /// The sector slug, or `other` for profiles without one.
    var name: String
    /// The sector's page.
    var url: String?
    var count: Int
    var cards: [SharedItem]
}
