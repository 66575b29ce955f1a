/// The site after the resolve stage: every link points somewhere real.
struct ResolvedSite: Sendable {
    var site: Site
    /// Per page: the document with wikilinks and `.md` links turned into relative links.
    var documents: [MarkdownDocument]
    /// Per page: the pages that link to it, in page order.
    var backlinks: [[Int]]
    /// Per page: its relations as written, and those that point at it.
    var relationsOut: [[RelationEdge]]
    var relationsIn: [[RelationEdge]]
    /// Old URL path (`old/path/`) → the page it now redirects to.
    var aliases: [(url: String, page: Int)]
    /// Per page: whether its review is older than `review_every_days` (or it was never reviewed).
    var stale: [Bool]
    /// The main menu from site.yml, checked; `nil` when site.yml has none.
    var menu: [ResolvedMenuEntry]? = nil
}

/// One end of a typed relation, as seen from a page.
struct RelationEdge: Sendable, Equatable {
    var type: String
    /// "Runs on" from the source, "Hosts" from the target.
    var label: String
    var page: Int
    var note: String?
}
