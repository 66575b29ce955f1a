import StrataTemplates

/// A page as an entry in a list, as `partials/page-item` and `partials/card` see it.
struct PageItemFields: TemplateView {
    static let templateNoun = "a page item"
    var title: String
    var url: String
    var kind: String
    var summary: String?
    var date: String?
    var updated: String?
    var verdict: String?
    /// False unless a project.
    var status: String?
    var sector: String?
    var root: String
    var assets: String
    var site: SiteValues
}

/// The entry through the theme's two partials, rendered once per page and link prefix.
struct ItemFragments: Codable, Sendable {
    /// The entry through `partials/page-item.mustache`.
    var html: TemplateHTML
    /// The entry through `partials/card.mustache` (the landscape's cards).
    var card: TemplateHTML
}

/// What every list of pages holds: the item's fields and its two fragments.
typealias PageItem = Extending<Encoded<PageItemFields>, ItemFragments>

/// A page item shared by every list that shows it, encoded once.
typealias SharedItem = Encoded<PageItem>

/// A page item with values of its own on top (a table row, a relation with its note).
typealias ItemWith<Extra: Codable> = Extending<SharedItem, Extra>
